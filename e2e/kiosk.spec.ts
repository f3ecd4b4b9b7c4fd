import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import QRCode from 'qrcode';
import { describe, expect, test } from 'vitest';
import { sentMailListSchema } from '../shared/src/platform/mail.contract.ts';
import { qrPath } from '../web/src/ui/qr-code.rules.ts';
import { baseUrl, expectAccessible, screenshotDir, usePage, visit } from './support/browser.ts';

// The self-service PC in the entrance hall of city hall (issue 5): a visitor without a login asks a
// question or reports a problem in a public space with the portal's form, takes the case with them
// as a QR code, and the PC forgets them. A portrait touch screen of 1080 × 1920; axe on every page.
// Short idle timeouts (?idle=…&warn=…, seconds) so the reset happens within the test.

const kioskViewport = { width: 1080, height: 1920 };
const idle = { idle: 15, warn: 4 };

type Receipt = { reference: string; followUrl: string; owner: { name: string } };

/** The kiosk's POST /api/questions of the next click: its body, Idempotency-Key and receipt. */
const nextSubmission = (page: Page) =>
  page
    .waitForResponse((response) => new URL(response.url()).pathname === '/api/questions' && response.request().method() === 'POST')
    .then(async (response) => ({
      status: response.status(),
      body: response.request().postDataJSON() as { product?: string; channel?: string; answers: Record<string, unknown> },
      key: response.request().headers()['idempotency-key'],
      receipt: (await response.json()) as Receipt,
    }));

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

const screenshot = async (page: Page, name: string) => {
  await mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `kiosk-${name}.png`), fullPage: true });
};

describe('a visitor at the kiosk', () => {
  const page = usePage(kioskViewport);

  test('asks a question, takes the case along as a QR code, and the PC forgets it all after a while', async () => {
    const kiosk = page();
    const question = `Mag ik mijn grofvuil zelf naar het containerpark brengen? (${Date.now()})`;
    await visit(kiosk, `/kiosk?idle=${idle.idle}&warn=${idle.warn}`);
    expect(await heading(kiosk)).toBe('Welkom in het stadhuis');
    await screenshot(kiosk, 'start');
    // The tiles of what needs a login stay; the two without a login are new.
    for (const tile of ['Attest aanvragen', 'Afspraak', 'Een vraag stellen', 'Iets melden in de openbare ruimte', 'Taal']) {
      expect(await kiosk.getByRole('link', { name: new RegExp(`^${tile}`) }).count(), tile).toBe(1);
    }

    await kiosk.getByRole('link', { name: /^Een vraag stellen/ }).click();
    await expect.poll(() => heading(kiosk)).toBe('Stel uw vraag');
    expect(new URL(kiosk.url()).pathname).toBe('/kiosk/vraag');
    await kiosk.waitForLoadState('networkidle');
    await expectAccessible(kiosk);
    // Targets of 64 px for a finger, in the same form as the portal's.
    const send = kiosk.getByRole('button', { name: 'Vraag versturen' });
    expect((await send.boundingBox())?.height).toBeGreaterThanOrEqual(64);
    const noAnswer = kiosk.getByRole('radio', { name: /Ik wil geen antwoord/ });
    expect((await kiosk.locator('.gv-choice', { has: noAnswer }).boundingBox())?.height).toBeGreaterThanOrEqual(64);

    // Nothing filled in: the error summary takes the focus and leads to the question.
    await send.click();
    await expect.poll(() => kiosk.evaluate(() => document.activeElement?.classList.contains('gv-error-summary'))).toBe(true);
    expect(await kiosk.locator('.gv-error-summary').textContent()).toContain('Vul dit in.');
    await expectAccessible(kiosk);

    await kiosk.getByRole('textbox', { name: /Wat is uw vraag/ }).fill(question);
    await noAnswer.check();
    await screenshot(kiosk, 'question-form');
    const submitted = nextSubmission(kiosk);
    await send.click();
    const { status, body, key, receipt } = await submitted;
    expect(status).toBe(201);
    expect(body).toMatchObject({ product: 'vraag', channel: 'kiosk', answers: { question, replyBy: 'none' } });
    expect(key).toMatch(/^[\x21-\x7e]{16,200}$/);

    // The case number very large, who handles it, and the secret follow link as a QR code.
    await expect.poll(() => heading(kiosk)).toBe('Uw vraag is verstuurd');
    await expect.poll(() => kiosk.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    const reference = kiosk.locator('.gv-kiosk-reference__value');
    expect(await reference.textContent()).toBe(receipt.reference);
    expect(Number.parseFloat(await reference.evaluate((element) => getComputedStyle(element).fontSize))).toBeGreaterThanOrEqual(48);
    expect(await kiosk.locator('main').textContent()).toContain('Contactcenter behandelt uw dossier.');
    expect(await kiosk.locator('main').textContent()).toContain('noteer uw dossiernummer');
    const code = kiosk.getByRole('img', { name: 'QR-code met de link naar uw dossier' });
    expect((await code.boundingBox())?.width).toBeGreaterThanOrEqual(200);
    // The code holds exactly the follow link of the receipt.
    expect(receipt.followUrl).toMatch(/\/vragen\/[A-Za-z0-9_-]{43}$/);
    expect(await code.locator('path').getAttribute('d')).toBe(qrPath(QRCode.create(receipt.followUrl, { errorCorrectionLevel: 'M' }).modules));
    await expectAccessible(kiosk);
    await screenshot(kiosk, 'question-sent');

    // The visitor's phone opens what the code says, and finds the case.
    const phone = await kiosk
      .context()
      .browser()
      ?.newContext({ viewport: { width: 360, height: 740 }, locale: 'nl-BE' });
    const phonePage = await phone?.newPage();
    if (!phonePage) throw new Error('no phone');
    await visit(phonePage, new URL(receipt.followUrl).pathname);
    await expect.poll(() => phonePage.locator('main').textContent()).toContain(receipt.reference);
    await phone?.close();

    // The visitor walks away: the PC asks whether someone is still there, then starts over.
    await expect.poll(() => kiosk.getByRole('dialog', { name: 'Bent u er nog?' }).count(), { timeout: (idle.idle + 5) * 1000 }).toBe(1);
    await expectAccessible(kiosk);
    await expect.poll(() => heading(kiosk), { timeout: (idle.warn + 5) * 1000 }).toBe('Welkom in het stadhuis');
    expect(new URL(kiosk.url()).pathname).toBe('/kiosk');
    await expect.poll(() => kiosk.getByRole('status').filter({ hasText: 'De pc is opnieuw begonnen.' }).count()).toBe(1);
    await expectAccessible(kiosk);

    // Nothing of the previous visitor is left: not on screen, not in the page, not in storage, not in the form.
    const html = await kiosk.content();
    expect(html).not.toContain(receipt.reference);
    expect(html).not.toContain(question);
    const stored = await kiosk.evaluate(() => JSON.stringify({ ...window.sessionStorage }) + JSON.stringify({ ...window.localStorage }));
    expect(stored).not.toContain('grofvuil');
    expect(stored).not.toContain(receipt.reference);
    await kiosk.getByRole('link', { name: /^Een vraag stellen/ }).click();
    await expect.poll(() => heading(kiosk)).toBe('Stel uw vraag');
    expect(await kiosk.getByRole('textbox', { name: /Wat is uw vraag/ }).inputValue()).toBe('');
    expect(await kiosk.getByRole('radio', { name: /Ik wil geen antwoord/ }).isChecked()).toBe(false);
    await expectAccessible(kiosk);
  });

  test('reports a broken street light without a photo, gets the link by e-mail too, and clears the PC with “Klaar”', async () => {
    const kiosk = page();
    const address = `kiosk-${Date.now()}@example.be`;
    await visit(kiosk, '/kiosk');
    await kiosk.getByRole('link', { name: /^Iets melden in de openbare ruimte/ }).click();
    await expect.poll(() => heading(kiosk)).toBe('Een probleem op straat melden');
    await kiosk.waitForLoadState('networkidle');
    // No file picker at a public PC: the photo comes later, from the phone.
    expect(await kiosk.locator('input[type="file"]').count()).toBe(0);
    expect(await kiosk.locator('main').textContent()).toContain('Een foto toevoegen kan niet aan deze pc.');
    await expectAccessible(kiosk);

    await kiosk.getByRole('combobox', { name: 'Wat wilt u melden?' }).selectOption({ label: 'Straatverlichting kapot' });
    await kiosk.getByRole('textbox', { name: 'Beschrijf het probleem' }).fill('De straatlamp aan de kerk brandt al een week niet.');
    await kiosk.getByRole('combobox', { name: /Straat/ }).fill('Marktstraat');
    await kiosk.getByRole('textbox', { name: /Huisnummer/ }).fill('1');
    await kiosk.getByRole('textbox', { name: /Postcode/ }).fill('8530');
    await kiosk
      .getByRole('group', { name: /Is het gevaarlijk/ })
      .getByRole('radio', { name: 'Nee' })
      .check();
    await kiosk
      .getByRole('group', { name: /Wilt u horen/ })
      .getByRole('radio', { name: 'Ja' })
      .check();
    await kiosk.getByRole('textbox', { name: /Uw e-mailadres/ }).fill(address);
    await kiosk.getByRole('checkbox', { name: /De stad mag mij contacteren/ }).check();
    await expectAccessible(kiosk);
    await screenshot(kiosk, 'report-form');
    const submitted = nextSubmission(kiosk);
    await kiosk.getByRole('button', { name: 'Melding versturen' }).click();
    const { status, body, receipt } = await submitted;
    expect(status).toBe(201);
    expect(body).toMatchObject({ product: 'melding-openbaar-domein', channel: 'kiosk' });

    await expect.poll(() => heading(kiosk)).toBe('Uw melding is verstuurd');
    expect(await kiosk.locator('main').textContent()).toContain('Wij hebben deze link ook naar uw e-mailadres gestuurd.');
    await expect
      .poll(async () => {
        const mail = sentMailListSchema.parse(await fetch(`${baseUrl()}/api/mail/sent`).then((response) => response.json()));
        return mail.items.some((item) => item.to === address && item.text.includes(receipt.followUrl));
      })
      .toBe(true);
    await expectAccessible(kiosk);
    await screenshot(kiosk, 'report-sent');

    await kiosk.getByRole('button', { name: 'Klaar' }).click();
    await expect.poll(() => heading(kiosk)).toBe('Welkom in het stadhuis');
    expect(await kiosk.content()).not.toContain(receipt.reference);
    await expectAccessible(kiosk);
  });
});
