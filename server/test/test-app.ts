import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import type { CityProfile } from '../../shared/src/city/city-profile.schema.ts';
import { buildApp } from '../src/app.ts';
import { loadCityProfile } from '../src/platform/city/city-profile.loader.ts';
import { type Clock, systemClock } from '../src/platform/clock.ts';
import { type Config, loadConfig } from '../src/platform/config/config.ts';
import { createDb, type Db } from '../src/platform/db/database.ts';
import { createJobs, type Jobs } from '../src/platform/jobs/jobs.ts';
import { citySender, createMailService, type MailService } from '../src/platform/mail/mail.service.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

const root = path.resolve(import.meta.dirname, '..', '..');

/** Everything a test needs to drive the app and look into its database. */
export type TestApp = {
  app: FastifyInstance;
  db: Db;
  jobs: Jobs;
  mail: MailService;
  config: Config;
  city: CityProfile;
  database: TestDatabase;
  close: () => Promise<void>;
};

/**
 * The app on a database of its own (cloned from the migrated template), ready for `app.inject`.
 * Jobs run in-process unless `workers: false`.
 */
export const createTestApp = async (
  options: { env?: Record<string, string>; clock?: Clock; workers?: boolean; cityProfile?: string } = {},
): Promise<TestApp> => {
  const database = await createTestDatabase();
  const config = loadConfig(
    {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      GASTVRIJ_CITY_PROFILE: options.cityProfile ?? 'config/cities/harelbeke.yaml',
      GASTVRIJ_WEB_DIST: 'web/dist-absent-in-tests',
      GASTVRIJ_RATE_LIMIT: '10000',
      ...options.env,
    },
    root,
  );
  const city = await loadCityProfile(config.cityProfilePath);
  const { db } = createDb(database.url, { max: 5 });
  const logger = pino({ level: 'silent' });
  const clock = options.clock ?? systemClock;
  const jobs = createJobs({ connectionString: database.url, logger, workers: options.workers ?? true });
  const mail = createMailService({ db, jobs, clock, smtpUrl: config.smtpUrl, from: citySender(config.mailFrom, city) });
  await jobs.start();
  const app = await buildApp({ config, db, city, clock, jobs, mail, logger });
  await app.ready();
  return {
    app,
    db,
    jobs,
    mail,
    config,
    city,
    database,
    close: async () => {
      await app.close();
      await jobs.stop(2_000);
      mail.close();
      await db.destroy();
      await database.drop();
    },
  };
};
