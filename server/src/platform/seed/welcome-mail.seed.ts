import type { Seeder } from './seed.ts';

/** The demo inbox. `.invalid` can never resolve (RFC 2606): even with a real SMTP server this mail reaches nobody. */
export const demoInbox = 'demo@gastvrij.invalid';
const subject = 'Welkom bij de demo van Gastvrij';

/**
 * One welcome mail to the demo inbox, so the staff page "sent mail" (/werk/mail) shows how mail
 * looks before any module sends some. Placeholder until the demo population arrives (issue 3).
 */
export const welcomeMailSeeder: Seeder = {
  name: 'welcome-mail',
  run: async ({ db, mail, city }) => {
    const present = await db.selectFrom('mail_outbox').select('id').where('to_address', '=', demoInbox).where('subject', '=', subject).executeTakeFirst();
    if (present) return 'already there';
    await mail.send({
      to: demoInbox,
      subject,
      text: `Dag demo-bewoner,\n\nDit is de demo van ${city.name.nl}. Berichten die het platform verstuurt, verschijnen hier.\n\nMet vriendelijke groeten,\n${city.name.nl}`,
      language: 'nl',
    });
    return `1 mail to ${demoInbox}`;
  },
};
