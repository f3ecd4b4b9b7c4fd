import { describe, expect, test } from 'vitest';
import { sentMailListSchema } from '../shared/src/platform/mail.contract.ts';
import { baseUrl, expectAccessible, usePage, visit } from './support/browser.ts';

// The login pages of the portal and the workspace, and what a visitor who is not logged in meets
// on the pages that need a login. Logging in with eID/itsme or as staff goes through the embedded
// identity provider and is a journey of its own; here, the resident without eID logs in with an
// e-mail link (the demo keeps the mail in its outbox), sees "Mijn gegevens" and logs out.
describe.each([
  { width: 1280, height: 800 },
  { width: 360, height: 740 },
])('a visitor at $width px', (viewport) => {
  const page = usePage(viewport);

  test('opens the portal login page with both ways to log in', async () => {
    const p = page();
    await visit(p, '/aanmelden');
    expect(await p.getByRole('heading', { level: 1 }).textContent()).toBe('Aanmelden');
    expect(await p.getByRole('heading', { level: 2, name: 'Met eID of itsme' }).count()).toBe(1);
    expect(await p.getByRole('textbox', { name: 'Uw e-mailadres' }).count()).toBe(1);
    // The header offers no login link on the login page itself.
    expect(await p.getByRole('banner').getByRole('link', { name: 'Aanmelden' }).count()).toBe(0);
  });

  test('reads why the last login failed, and what to do', async () => {
    const p = page();
    await visit(p, '/aanmelden?fout=login-failed');
    const alert = p.getByRole('alert');
    expect(await alert.textContent()).toContain('Het aanmelden is niet gelukt');
    expect(await alert.textContent()).toContain('Probeer het opnieuw');
    expect(await p.title()).toMatch(/^Het aanmelden is niet gelukt - Aanmelden/);
  });

  test('opens the staff login page, and is sent there from any workspace page', async () => {
    const p = page();
    await visit(p, '/werk/aanmelden');
    expect(await p.getByRole('heading', { level: 1 }).textContent()).toBe('Aanmelden als medewerker');
    // A visitor's menu holds nothing of the workspace; only the demo's outbox, which is public in demo mode.
    expect(await p.getByRole('navigation', { name: 'Werkplek' }).getByRole('link').allTextContents()).toEqual(['Verzonden e-mail']);

    await visit(p, '/werk/personen');
    await expect.poll(() => new URL(p.url()).pathname).toBe('/werk/aanmelden');
    expect(new URL(p.url()).searchParams.get('returnTo')).toBe('/werk/personen');
    await expectAccessible(p);
  });
});

describe('a resident without eID', () => {
  const page = usePage({ width: 1280, height: 800 });

  test('logs in with an e-mail link, sees "Mijn gegevens", sets a preference and logs out', async () => {
    const p = page();
    const address = `e2e-${Date.now()}@example.be`;

    // "Mijn gegevens" needs a login: the visitor is sent to the login page, which remembers the way back.
    await visit(p, '/mijn-gegevens');
    await expect.poll(() => new URL(p.url()).pathname).toBe('/aanmelden');
    expect(new URL(p.url()).searchParams.get('returnTo')).toBe('/mijn-gegevens');

    const email = p.getByRole('textbox', { name: 'Uw e-mailadres' });
    await email.fill('not an address');
    await p.getByRole('button', { name: 'Stuur mij een aanmeldlink' }).click();
    // The error summary takes focus and links to the field, which says what is wrong.
    await expect.poll(() => p.evaluate(() => document.activeElement?.classList.contains('gv-error-summary'))).toBe(true);
    expect(await p.locator('#login-email-error').textContent()).toBe('Vul een e-mailadres in, bijvoorbeeld naam@voorbeeld.be.');
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(p);

    await email.fill(address);
    await p.getByRole('button', { name: 'Stuur mij een aanmeldlink' }).click();
    await expect.poll(() => p.getByRole('heading', { name: 'Kijk in uw mailbox' }).count()).toBe(1);
    await expectAccessible(p);

    const mail = await fetch(`${baseUrl()}/api/mail/sent`).then(async (response) => sentMailListSchema.parse(await response.json()));
    const text = mail.items.find((item) => item.to === address)?.text ?? '';
    const link = /\/aanmelden\/e-mail\?token=[A-Za-z0-9_-]+/.exec(text)?.[0];
    expect(link, `a login link in the mail to ${address}`).toBeDefined();

    // The link opens a page with a button: a mail scanner that opens the link does not log in.
    await visit(p, link as string);
    expect(await p.getByRole('banner').getByRole('link', { name: 'Aanmelden' }).count()).toBe(1);
    await p.getByRole('button', { name: 'Aanmelden' }).click();
    await expect.poll(() => new URL(p.url()).pathname).toBe('/mijn-gegevens');
    await p.waitForLoadState('networkidle');
    await expectAccessible(p);
    const banner = p.getByRole('banner');
    expect(await banner.textContent()).toContain(address);
    expect(await p.locator('main').textContent()).toContain('alleen als u aanmeldt met eID of itsme');

    // Preferences: text messages without a mobile number is refused next to the field.
    await p.getByRole('checkbox', { name: 'Per sms' }).check();
    await p.getByRole('button', { name: 'Voorkeuren bewaren' }).click();
    expect(await p.locator('#preferences-phone-error').textContent()).toBe('Vul uw gsm-nummer in als we u per sms mogen contacteren.');
    await expectAccessible(p);
    await p.getByRole('textbox', { name: 'Gsm-nummer' }).fill('0470 12 34 56');
    await p.getByRole('button', { name: 'Voorkeuren bewaren' }).click();
    await expect.poll(() => p.getByText('Uw voorkeuren zijn bewaard.').count()).toBe(1);
    await p.reload({ waitUntil: 'networkidle' });
    expect(await p.getByRole('checkbox', { name: 'Per sms' }).isChecked()).toBe(true);
    expect(await p.getByRole('textbox', { name: 'Gsm-nummer' }).inputValue()).toBe('0470 12 34 56');

    await banner.getByRole('button', { name: 'Afmelden' }).click();
    await expect.poll(() => new URL(p.url()).pathname).toBe('/');
    await p.waitForLoadState('networkidle');
    expect(await p.getByRole('banner').getByRole('link', { name: 'Aanmelden' }).count()).toBe(1);

    // A login link works once.
    await visit(p, link as string);
    await p.getByRole('button', { name: 'Aanmelden' }).click();
    await expect.poll(() => p.getByText('Deze aanmeldlink werkt niet meer').count()).toBe(1);
    await expectAccessible(p);
  });
});
