import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { inspectPdf } from '../server/src/platform/documents/pdf-structure.test-support.ts';
import { pdf } from '../server/test/fixtures/files.ts';
import { sentMailListSchema } from '../shared/src/platform/mail.contract.ts';
import { baseUrl, expectAccessible, visit } from './support/browser.ts';
import { loginStaff, loginThroughProvider, pathOf, registerPeople } from './support/people.ts';

// Cases end to end (issue 5, Acceptance). A visitor asks a general question without a login; the
// contact centre hands it over to Burgerzaken with a reason; Burgerzaken answers; the visitor reads
// the answer through the link in the e-mail. And a resident logged in with eID requests a household
// composition certificate, downloads the PDF within seconds, and the verification page confirms it.
// Each person has a browser of their own; axe runs on every page they see, at 360 px for the
// visitor, at 1280 px for the contact centre and at 640 px (1280 px at 200% zoom) for Burgerzaken.

const { person } = registerPeople('cases');

/** A photo of one pixel. */
const onePixelPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A PDF of one empty page, as a scanner would send it. */
const onePagePdf = pdf();

/** The demo outbox's newest mail to `address` with a link matching `pattern`; the mail job may take a moment. */
const linkInMail = async (address: string, pattern: RegExp): Promise<string> => {
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        const mail = sentMailListSchema.parse(await fetch(`${baseUrl()}/api/mail/sent`).then((response) => response.json()));
        link = mail.items.filter((item) => item.to === address).flatMap((item) => pattern.exec(item.text)?.[0] ?? [])[0];
        return link;
      },
      { timeout: 15_000 },
    )
    .toBeDefined();
  return link as string;
};

/** Opens a case from a team's queue: the team in the workspace menu, then the reference in the table. */
const openFromQueue = async (page: Page, team: string, reference: string) => {
  await page.getByRole('navigation', { name: 'Werkplek' }).getByRole('link', { name: team, exact: true }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1, name: team }).count()).toBe(1);
  await page.waitForLoadState('networkidle');
  await expectAccessible(page);
  await page.getByRole('link', { name: reference }).click();
  await expect.poll(() => pathOf(page)).toMatch(/^\/werk\/dossiers\//);
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(reference);
  await expectAccessible(page);
};

describe('a general question', () => {
  test('is asked by a visitor, handed over by the contact centre, answered by Burgerzaken and read through the link in the e-mail', async () => {
    const address = `vraag-${Date.now()}@example.be`;
    const question = 'Hoe lang is mijn attest van woonst geldig als ik het voor de huurpremie gebruik?';
    const answer = 'Voor de huurpremie mag het attest hoogstens drie maanden oud zijn.';

    // The visitor, on a phone.
    const visitor = await person('visitor', { width: 360, height: 740 });
    await visit(visitor, '/vraag');
    expect(await visitor.getByRole('heading', { level: 1 }).textContent()).toBe('Stel uw vraag');
    // Only the question and how to answer are asked at first; the contact fields follow the choice.
    expect(await visitor.getByRole('textbox', { name: /Uw e-mailadres/ }).count()).toBe(0);

    await visitor.getByRole('button', { name: 'Vraag versturen' }).click();
    await expect.poll(() => visitor.evaluate(() => document.activeElement?.classList.contains('gv-error-summary'))).toBe(true);
    expect(await visitor.locator('.gv-error-summary').textContent()).toContain('Vul dit in.');
    expect(await visitor.getByRole('textbox', { name: /Wat is uw vraag/ }).getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(visitor);

    await visitor.getByRole('textbox', { name: /Wat is uw vraag/ }).fill(question);
    await visitor.getByRole('radio', { name: 'Per e-mail' }).check();
    await visitor.getByRole('textbox', { name: /Uw naam/ }).fill('Lotte Vermeersch');
    await visitor.getByRole('textbox', { name: /Uw e-mailadres/ }).fill('lotte@');
    await visitor.getByRole('button', { name: 'Vraag versturen' }).click();
    // The shared form engine says in the browser what the server would say, next to the field.
    await expect.poll(() => visitor.locator('#question-answers-email-error').textContent()).toContain('e-mailadres');
    await visitor.getByRole('textbox', { name: /Uw e-mailadres/ }).fill(address);
    await visitor.getByRole('checkbox', { name: /De stad mag mij contacteren/ }).check();
    await expectAccessible(visitor);
    await visitor.getByRole('button', { name: 'Vraag versturen' }).click();

    await expect.poll(() => visitor.getByRole('heading', { level: 1 }).textContent()).toBe('Uw vraag is verstuurd');
    const reference = /[A-Z]{2}-\d{4}-\d{6}/.exec((await visitor.locator('main').textContent()) ?? '')?.[0];
    expect(reference, 'the reference on the confirmation').toBeDefined();
    expect(await visitor.locator('main').textContent()).toContain('Contactcenter behandelt uw dossier.');
    await expectAccessible(visitor);
    const followLink = await linkInMail(address, /\/vragen\/[A-Za-z0-9_-]+/);

    // The contact centre opens it from its queue and hands it over to Burgerzaken with a reason.
    const bram = await person('contact-centre', { width: 1280, height: 800 });
    await loginStaff(bram, 'Bram Declercq');
    await openFromQueue(bram, 'Contactcenter', reference as string);
    expect(await bram.locator('main').textContent()).toContain(question);
    await bram.getByRole('button', { name: 'Dossier doorgeven' }).click();
    await expect.poll(() => bram.locator('#hand-over-reason-error').textContent()).toContain('minstens 5 tekens');
    await expectAccessible(bram);
    await bram.getByRole('combobox', { name: 'Doorgeven aan' }).selectOption({ label: 'Burgerzaken' });
    await bram.getByRole('textbox', { name: 'Reden' }).first().fill('Vraag over attesten: Burgerzaken kent de regels van de huurpremie.');
    await bram.getByRole('button', { name: 'Dossier doorgeven' }).click();
    await expect.poll(() => bram.getByRole('heading', { level: 1 }).textContent()).toBe(`Dossier ${reference} doorgegeven`);
    expect(await bram.locator('main').textContent()).toContain('Burgerzaken behandelt dit dossier nu.');
    await expectAccessible(bram);

    // Burgerzaken, zoomed in to 200%: the reason is there, marked as internal; the answer goes to the visitor.
    const chloe = await person('burgerzaken', { width: 640, height: 400 });
    await loginStaff(chloe, 'Chloë Vermeulen');
    await openFromQueue(chloe, 'Burgerzaken', reference as string);
    const timeline = chloe.locator('.gv-timeline');
    expect(await timeline.textContent()).toContain('Doorgegeven van Contactcenter aan Burgerzaken');
    expect(await timeline.textContent()).toContain('Burgerzaken kent de regels van de huurpremie');
    // The 360° strip: a visitor without an account has no other cases or contacts to show.
    expect(await chloe.getByRole('region', { name: 'Aanvrager', exact: true }).textContent()).toContain('Nog geen contacten.');
    await chloe.getByRole('button', { name: 'Dit dossier nemen' }).click();
    await expect.poll(() => chloe.getByText('U behandelt dit dossier.').count()).toBe(1);
    await chloe.getByRole('textbox', { name: 'Notitie' }).fill('Nagekeken in het reglement huurpremie.');
    await chloe.getByRole('button', { name: 'Notitie bewaren' }).click();
    await expect.poll(() => chloe.locator('.gv-timeline__entry--note').last().textContent()).toContain('Interne notitie');
    // A template fills the message box in the visitor's language; Chloë then writes her own answer over it.
    await chloe.getByRole('combobox', { name: 'Sjabloon' }).selectOption({ label: 'Antwoord op uw vraag' });
    await chloe.getByRole('button', { name: 'Sjabloon gebruiken' }).click();
    await expect
      .poll(() => chloe.getByRole('textbox', { name: 'Bericht', exact: true }).inputValue())
      .toContain(`Bedankt voor uw vraag (dossier ${reference})`);
    await expect.poll(() => chloe.getByRole('status').filter({ hasText: 'staat in het berichtvak' }).count()).toBe(1);
    await expectAccessible(chloe);
    await chloe.getByRole('textbox', { name: 'Bericht', exact: true }).fill(answer);
    await chloe.getByRole('button', { name: 'Bericht versturen' }).click();
    await expect.poll(() => chloe.getByText('Het bericht is verstuurd.').count()).toBe(1);
    await expect.poll(() => chloe.locator('.gv-timeline__entry--city-message').textContent()).toContain(answer);
    await expectAccessible(chloe);

    // She adds the rules as a PDF for the visitor: uploaded as soon as it is chosen, then listed under Bijlagen.
    await chloe.getByLabel('Bestand', { exact: true }).setInputFiles({ name: 'reglement-huurpremie.pdf', mimeType: 'application/pdf', buffer: onePagePdf });
    await expect.poll(() => chloe.getByText('reglement-huurpremie.pdf is opgeladen.').count()).toBe(1);
    await chloe.getByRole('button', { name: 'Document toevoegen' }).click();
    await expect.poll(() => chloe.getByText('Het document is toegevoegd.').count()).toBe(1);
    await expect.poll(() => chloe.getByRole('region', { name: 'Bijlagen' }).textContent()).toContain('reglement-huurpremie.pdf');
    await expectAccessible(chloe);

    // Their coordinator gives the case to herself from the queue: a checkbox per case, the outcome announced.
    const els = await person('coordinator', { width: 1280, height: 800 });
    await loginStaff(els, 'Els Desmet');
    await els.getByRole('navigation', { name: 'Werkplek' }).getByRole('link', { name: 'Burgerzaken', exact: true }).click();
    await expect.poll(() => els.getByRole('heading', { level: 1, name: 'Burgerzaken' }).count()).toBe(1);
    await els.waitForLoadState('networkidle');
    await els.getByRole('checkbox', { name: `Dossier ${reference} kiezen` }).check();
    await els.getByRole('combobox', { name: 'Toewijzen aan' }).selectOption({ label: 'Els Desmet' });
    await els.getByRole('button', { name: 'Gekozen dossiers toewijzen' }).click();
    await expect.poll(() => els.getByRole('status').filter({ hasText: '1 dossier toegewezen aan Els Desmet.' }).count()).toBe(1);
    await expect.poll(() => els.getByRole('row', { name: new RegExp(reference as string) }).textContent()).toContain('Els Desmet');
    await expectAccessible(els);

    // The visitor follows the link from the e-mail and reads the answer; internal notes and the reason stay inside.
    await visit(visitor, followLink);
    const page = visitor.locator('main');
    await expect.poll(() => page.textContent()).toContain(answer);
    const text = (await page.textContent()) ?? '';
    expect(text).toContain(reference);
    expect(text).toContain('Uw dossier wordt behandeld door Burgerzaken.');
    expect(text).toContain(question);
    expect(text).not.toContain('huurpremie.Nagekeken');
    expect(text).not.toContain('Nagekeken in het reglement');
    expect(text).not.toContain('kent de regels');
    expect(text).not.toContain('Chloë');
    // The PDF Burgerzaken added can be downloaded through the link as well, as a file, never shown inline.
    const attachments = visitor.getByRole('region', { name: 'Bijlagen' });
    const pdfLink = attachments.getByRole('link', { name: /reglement-huurpremie\.pdf downloaden/ });
    await expect.poll(() => pdfLink.count()).toBe(1);
    const pdfAnswer = await visitor.request.get(`${baseUrl()}${await pdfLink.getAttribute('href')}`);
    expect(pdfAnswer.status()).toBe(200);
    expect(pdfAnswer.headers()['content-type']).toBe('application/pdf');
    expect(pdfAnswer.headers()['content-disposition']).toMatch(/^attachment; filename="reglement-huurpremie\.pdf"/);
    expect((await pdfAnswer.body()).equals(onePagePdf)).toBe(true);
    // The visitor sends a photo of their lease back through the same link, without logging in.
    await visitor.getByLabel('Bestand', { exact: true }).setInputFiles({ name: 'huurcontract.png', mimeType: 'image/png', buffer: onePixelPng });
    await expect.poll(() => visitor.getByText('huurcontract.png is opgeladen.').count()).toBe(1);
    await visitor.getByRole('button', { name: 'Document toevoegen' }).click();
    await expect.poll(() => visitor.getByText('Het document is toegevoegd.').count()).toBe(1);
    await expect.poll(() => attachments.textContent()).toContain('huurcontract.png');
    await expectAccessible(visitor);
  });
});

describe('a certificate', () => {
  test('is requested by a resident with eID, downloaded within seconds and confirmed by the verification page', async () => {
    const resident = await person('resident', { width: 1280, height: 800 }, { acceptDownloads: true });
    // The product page offers the online form.
    await visit(resident, '/producten/attest-gezinssamenstelling');
    await resident.getByRole('link', { name: 'Online aanvragen' }).click();
    await expect.poll(() => pathOf(resident)).toBe('/aanvragen/attest-gezinssamenstelling');
    await resident.waitForLoadState('networkidle');
    // A visitor is told why to log in first, and comes back to the form after.
    await expect.poll(() => resident.locator('main').textContent()).toContain('meldt u zich aan met eID of itsme');
    await expectAccessible(resident);
    await resident.getByRole('link', { name: 'Aanmelden met eID of itsme' }).click();
    await loginThroughProvider(resident, 'Pieter Vandenberghe', /^\/aanvragen\/attest-gezinssamenstelling$/);
    await expect.poll(() => resident.getByRole('button', { name: 'Aanvraag versturen' }).count()).toBe(1);
    // The document language is prefilled from the register's language.
    expect(await resident.getByRole('radio', { name: 'Nederlands' }).isChecked()).toBe(true);
    await expectAccessible(resident);

    await resident.getByRole('combobox', { name: 'Waarvoor hebt u het attest nodig?' }).selectOption({ label: 'Werk of uitkering' });
    // The answers are saved as a draft: after a reload the form has them again, with a way to start over.
    await expect
      .poll(
        () =>
          resident
            .getByRole('status')
            .filter({ hasText: /Opgeslagen om \d{2}:\d{2}/ })
            .count(),
        { timeout: 10_000 },
      )
      .toBe(1);
    await visit(resident, '/aanvragen/attest-gezinssamenstelling');
    await expect.poll(() => resident.getByRole('heading', { name: 'We hebben uw vorige antwoorden bewaard' }).count()).toBe(1);
    expect(await resident.getByRole('combobox', { name: 'Waarvoor hebt u het attest nodig?' }).inputValue()).toBe('work');
    expect(await resident.getByRole('button', { name: 'Opnieuw beginnen' }).count()).toBe(1);
    await resident.getByRole('radio', { name: 'Nee' }).check();
    const started = Date.now();
    await resident.getByRole('button', { name: 'Aanvraag versturen' }).click();
    // The receipt comes once the certificate is made and stored: the same "within seconds" as the download.
    await expect.poll(() => resident.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 }).toBe('Uw aanvraag is verstuurd');
    const download = resident.getByRole('link', { name: /downloaden \(PDF\)/ });
    await expect.poll(() => download.count(), { timeout: 15_000 }).toBe(1);
    expect(Date.now() - started, 'the certificate is there within seconds').toBeLessThan(15_000);
    await expectAccessible(resident);

    const [file] = await Promise.all([resident.waitForEvent('download'), download.click()]);
    const bytes = await readFile((await file.path()) as string);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdf = await inspectPdf(new Uint8Array(bytes));
    expect(pdf.hasStructTree && pdf.marked).toBe(true);
    expect(pdf.lang).toMatch(/^nl/);
    expect(pdf.title).toBeTruthy();

    // The verification page, from the link beside the download, confirms the document.
    await resident.getByRole('link', { name: 'Controleren of dit document echt is' }).click();
    await expect.poll(() => pathOf(resident)).toMatch(/^\/verify\//);
    await resident.waitForLoadState('networkidle');
    await expect.poll(() => resident.getByRole('status').filter({ hasText: 'Dit document is echt' }).count()).toBe(1);
    await expectAccessible(resident);

    // Mijn dossiers lists it, finished.
    await visit(resident, '/mijn-dossiers');
    const finished = resident.getByRole('region', { name: /Afgeronde dossiers/ });
    await expect.poll(() => finished.textContent()).toContain('Attest van gezinssamenstelling');
  });
});

/** Fills the questions of the public-space report (in the Marktstraat, 8530; no feedback wanted). */
const fillReport = async (page: Page, report: { what: string; description: string; houseNumber: string; dangerous: 'Ja' | 'Nee' }) => {
  await page.getByRole('combobox', { name: 'Wat wilt u melden?' }).selectOption({ label: report.what });
  await page.getByRole('textbox', { name: 'Beschrijf het probleem' }).fill(report.description);
  await page.getByRole('combobox', { name: /Straat/ }).fill('Marktstraat');
  await page.getByRole('textbox', { name: /Huisnummer/ }).fill(report.houseNumber);
  await page.getByRole('textbox', { name: /Postcode/ }).fill('8530');
  await page
    .getByRole('group', { name: /Is het gevaarlijk/ })
    .getByRole('radio', { name: report.dangerous })
    .check();
  await page
    .getByRole('group', { name: /Wilt u horen/ })
    .getByRole('radio', { name: 'Nee' })
    .check();
};

describe('a request registered by an employee', () => {
  test('is filled in on the phone, kept as a draft when the call drops, picked up again and registered for the caller', async () => {
    const bram = await person('contact-centre', { width: 1280, height: 800 });
    await loginStaff(bram, 'Bram Declercq');
    await visit(bram, '/werk/aanvragen/vraag');
    await expect.poll(() => bram.getByRole('heading', { level: 1 }).textContent()).toContain('Stel uw vraag');
    const question = `Mag ik mijn container op woensdag al buitenzetten? (${crypto.randomUUID().slice(0, 8)})`;
    await bram.getByRole('textbox', { name: /Wat is uw vraag/ }).fill(question);
    await bram.getByRole('radio', { name: 'Per telefoon' }).check();
    await bram.getByRole('textbox', { name: 'Uw telefoonnummer' }).fill('056 12 34 56');
    // Saved a moment after typing stops.
    await expect.poll(() => bram.getByRole('status').filter({ hasText: 'Opgeslagen om' }).count(), { timeout: 10_000 }).toBe(1);

    // The call drops; the page is opened again: the answers are back, with a warning to check them.
    await visit(bram, '/werk/aanvragen/vraag');
    await expect.poll(() => bram.getByRole('heading', { level: 2, name: 'Uw onafgewerkte aanvraag is teruggezet' }).count()).toBe(1);
    expect(await bram.getByRole('textbox', { name: /Wat is uw vraag/ }).inputValue()).toBe(question);
    expect(await bram.getByRole('radio', { name: 'Per telefoon' }).isChecked()).toBe(true);
    expect(await bram.getByRole('textbox', { name: 'Uw telefoonnummer' }).inputValue()).toBe('056 12 34 56');
    await expectAccessible(bram);
    await bram.getByRole('checkbox', { name: /De stad mag mij contacteren/ }).check();

    await bram.getByRole('radio', { name: 'Iemand anders (zonder rijksregister)' }).check();
    await bram.getByRole('combobox', { name: 'Hoe kwam de aanvraag binnen?' }).selectOption({ label: 'Telefoon' });
    await bram.getByRole('checkbox', { name: /De persoon geeft toestemming/ }).check();
    await bram.getByRole('radio', { name: 'Mondeling' }).check();
    await bram.getByRole('button', { name: 'Aanvraag registreren' }).click();
    await expect.poll(() => bram.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 }).toBe('Aanvraag geregistreerd');
    await expectAccessible(bram);

    // The submission removed the draft: the next caller gets an empty form.
    await visit(bram, '/werk/aanvragen/vraag');
    await expect.poll(() => bram.getByRole('textbox', { name: /Wat is uw vraag/ }).count()).toBe(1);
    expect(await bram.getByRole('heading', { level: 2, name: 'Uw onafgewerkte aanvraag is teruggezet' }).count()).toBe(0);
    expect(await bram.getByRole('textbox', { name: /Wat is uw vraag/ }).inputValue()).toBe('');
  });
});

describe('a report with a photo', () => {
  test('is sent by a visitor without logging in: the photo goes with it, and the secret link shows both', async () => {
    const visitor = await person('anonymous-reporter', { width: 360, height: 740 });
    await visit(visitor, '/aanvragen/melding-openbaar-domein');
    await expect.poll(() => visitor.getByRole('heading', { level: 2, name: 'Aanmelden hoeft niet' }).count()).toBe(1);
    expect(await visitor.getByRole('link', { name: 'Aanmelden met eID of itsme' }).count()).toBe(1);
    await expectAccessible(visitor);

    await visitor.getByLabel(/^Foto's/).setInputFiles({ name: 'put.png', mimeType: 'image/png', buffer: onePixelPng });
    await expect.poll(() => visitor.getByText('put.png is opgeladen.').count()).toBe(1);
    await fillReport(visitor, { what: 'Put of schade aan weg of voetpad', description: 'Een diepe put in het fietspad.', houseNumber: '3', dangerous: 'Ja' });
    await visitor.getByRole('button', { name: 'Aanvraag versturen' }).click();
    await expect.poll(() => visitor.getByRole('heading', { level: 1 }).textContent()).toBe('Uw aanvraag is verstuurd');
    await expectAccessible(visitor);

    await visitor.getByRole('link', { name: 'Mijn dossier en het antwoord bekijken' }).click();
    await expect.poll(() => visitor.getByRole('region', { name: 'Bijlagen' }).textContent()).toContain('put.png');
    await expectAccessible(visitor);
  });

  test('is sent by a resident on a phone: the photo uploads when chosen, a file that is not what it says is refused on the field', async () => {
    const resident = await person('reporter', { width: 360, height: 740 });
    await visit(resident, '/aanvragen/melding-openbaar-domein');
    await resident.getByRole('link', { name: 'Aanmelden met eID of itsme' }).click();
    await loginThroughProvider(resident, 'Pieter Vandenberghe', /^\/aanvragen\/melding-openbaar-domein$/);
    await expect.poll(() => resident.getByRole('button', { name: 'Aanvraag versturen' }).count()).toBe(1);

    // Text called foto.jpg passes the browser's check; the server reads the content and says why on the field.
    const photos = resident.getByLabel(/^Foto's/);
    await photos.setInputFiles({ name: 'foto.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('Dit is geen foto.') });
    await expect.poll(() => resident.locator('#request-answers-photos-error').textContent()).toContain('Dit soort bestand kunnen we niet aannemen');
    expect(await photos.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(resident);
    await photos.setInputFiles({ name: 'zwerfvuil.png', mimeType: 'image/png', buffer: onePixelPng });
    await expect.poll(() => resident.getByText('zwerfvuil.png is opgeladen.').count()).toBe(1);
    expect(await resident.locator('#request-answers-photos-error').count()).toBe(0);

    await fillReport(resident, { what: 'Zwerfvuil of sluikstort', description: 'Een hoop zwerfvuil naast de glasbol.', houseNumber: '1', dangerous: 'Nee' });
    await expectAccessible(resident);
    await resident.getByRole('button', { name: 'Aanvraag versturen' }).click();
    await expect.poll(() => resident.getByRole('heading', { level: 1 }).textContent()).toBe('Uw aanvraag is verstuurd');
    const reference = /[A-Z]{2}-\d{4}-\d{6}/.exec((await resident.locator('main').textContent()) ?? '')?.[0];
    expect(reference, 'the reference on the confirmation').toBeDefined();

    // The case page lists the photo with a download link, and offers to add another document.
    await visit(resident, `/mijn-dossiers/${reference}`);
    await expect.poll(() => resident.getByRole('region', { name: 'Bijlagen' }).textContent()).toContain('zwerfvuil.png');
    expect(await resident.getByRole('region', { name: 'Een document toevoegen' }).count()).toBe(1);
    await expectAccessible(resident);
  });
});
