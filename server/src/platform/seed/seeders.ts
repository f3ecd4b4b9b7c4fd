import { registerSeeder } from './seed.ts';
import { welcomeMailSeeder } from './welcome-mail.seed.ts';

/**
 * Registers every demo seeder, in the order they must run (a module's seeder after the seeders of
 * the modules whose rows it points at). A module adds its seeder here: the list is explicit, not
 * discovered, so reading it tells what `gastvrij seed --demo` does.
 */
export const registerDemoSeeders = (): void => {
  registerSeeder(welcomeMailSeeder);
};
