import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { demoResidents } from '../server/src/modules/register/index.ts';
import { baseUrl, expectAccessible, visit } from './support/browser.ts';
import { loginStaff, loginThroughProvider, pathOf, registerPeople } from './support/people.ts';

// Appointments end to end. A resident with eID books a time at the city hall from the product
// page, logging in on the way and coming back to the same choice; finds it in "Mijn afspraken",
// downloads the calendar file and cancels it. A second booking stays, and Burgerzaken sees it in
// the day's agenda. axe runs on every page, at 360 px for the resident and 1280 px for the staff.

const { person } = registerPeople('appointments');

/** The calendar day of an instant in the city, as the agenda's address wants it. */
const cityDate = (instant: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));

/** "8.30": a time as the Dutch pages write it. */
const dutchTime = (instant: string) => {
  const [hours = '', minutes = ''] = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Brussels', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(new Date(instant))
    .split(':');
  return `${Number(hours)}.${minutes}`;
};

/**
 * Picks the first free time of the week on the booking page (the next week when this one is full
 * or the city hall is closed all week) and answers its start instant.
 */
const pickFirstFreeTime = async (page: Page): Promise<string> => {
  const times = page.getByRole('group', { name: 'Vrije uren' }).getByRole('radio');
  for (let week = 0; week < 4; week++) {
    await expect.poll(() => page.getByRole('group', { name: 'Vrije uren' }).count(), { timeout: 10_000 }).toBe(1);
    if ((await times.count()) > 0) break;
    await page.getByRole('button', { name: 'Volgende week' }).click();
    await page.waitForLoadState('networkidle');
  }
  const first = times.first();
  await first.check();
  return (await first.getAttribute('value')) as string;
};

describe('an appointment at the city hall', () => {
  test('is booked by a resident with eID from the product page, added to the calendar, cancelled, and a second one shows in the staff agenda', async () => {
    const resident = await person('resident', { width: 360, height: 740 });

    // The product page offers the appointment; the booking page opens with the product chosen.
    await visit(resident, '/producten/identiteitskaart');
    await resident.getByRole('link', { name: 'Maak een afspraak' }).click();
    await expect.poll(() => pathOf(resident)).toBe('/afspraak');
    await resident.waitForLoadState('networkidle');
    expect(new URL(resident.url()).searchParams.get('product')).toBe('identiteitskaart');
    await expect.poll(() => resident.getByRole('heading', { level: 1 }).textContent()).toBe('Een afspraak maken');
    expect(await resident.getByRole('combobox', { name: 'Waarvoor wilt u een afspraak?' }).inputValue()).toBe('identiteitskaart');
    await expectAccessible(resident);

    // A visitor sees the free times; confirming asks for a login that comes back to the same choice.
    const start = await pickFirstFreeTime(resident);
    await expect.poll(() => resident.locator('.gv-booking-summary').textContent()).toContain(`om ${dutchTime(start)}, in het stadhuis`);
    expect(await resident.getByRole('button', { name: 'Afspraak bevestigen' }).count()).toBe(0);
    await expectAccessible(resident);
    await resident.getByRole('link', { name: 'Aanmelden met eID of itsme' }).click();
    await loginThroughProvider(resident, 'Lien Desmet', /^\/afspraak$/);
    await expect.poll(() => resident.getByRole('button', { name: 'Afspraak bevestigen' }).count()).toBe(1);
    expect(await resident.locator(`input[type=radio][value="${start}"]`).isChecked()).toBe(true);
    await expectAccessible(resident);

    await resident.getByRole('textbox', { name: /Wilt u ons nog iets laten weten/ }).fill('Ik kom samen met mijn dochter.');
    await resident.getByRole('button', { name: 'Afspraak bevestigen' }).click();
    await expect.poll(() => resident.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 }).toBe('Uw afspraak is bevestigd');
    // Focus moves to the confirmation, so a screen reader starts there.
    expect(await resident.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    const confirmation = (await resident.locator('main').textContent()) ?? '';
    expect(confirmation).toContain('Identiteitskaart');
    expect(confirmation).toContain(`om ${dutchTime(start)}`);
    expect(confirmation).toContain('Ik kom samen met mijn dochter.');
    await expectAccessible(resident);

    // The calendar file answers with an iCalendar document, with the resident's session.
    const calendarHref = await resident.getByRole('link', { name: 'Toevoegen aan uw agenda' }).getAttribute('href');
    const calendar = await resident.request.get(new URL(calendarHref as string, baseUrl()).toString());
    expect(calendar.status()).toBe(200);
    expect(calendar.headers()['content-type']).toMatch(/^text\/calendar/);
    expect(await calendar.text()).toContain('BEGIN:VCALENDAR');

    // "Mijn afspraken" lists it as upcoming, with its own calendar link.
    await resident.getByRole('link', { name: 'Naar Mijn afspraken' }).click();
    await expect.poll(() => pathOf(resident)).toBe('/mijn-afspraken');
    await resident.waitForLoadState('networkidle');
    const upcoming = resident.getByRole('region', { name: /Komende afspraken/ });
    await expect.poll(() => upcoming.textContent()).toContain('Identiteitskaart');
    expect(await upcoming.textContent()).toContain(dutchTime(start));
    expect(await upcoming.getByRole('link', { name: /In agenda zetten/ }).count()).toBe(1);
    await expectAccessible(resident);

    // Cancelling asks first, then moves the appointment to the earlier ones, cancelled.
    await upcoming.getByRole('button', { name: /^Annuleren/ }).click();
    await expect.poll(() => resident.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Wilt u deze afspraak annuleren?');
    await expectAccessible(resident);
    await resident.getByRole('button', { name: 'Ja, annuleren' }).click();
    await expect.poll(() => resident.getByRole('status').filter({ hasText: 'Uw afspraak is geannuleerd' }).count()).toBe(1);
    const earlier = resident.getByRole('region', { name: /Eerdere en geannuleerde afspraken/ });
    await expect.poll(() => earlier.textContent()).toContain('Identiteitskaart');
    expect(await earlier.textContent()).toContain('Geannuleerd');
    expect(await upcoming.textContent()).toContain('U hebt geen afspraken gepland.');
    await expectAccessible(resident);

    // A second booking, which stays: the cancelled one no longer counts as "already booked".
    await visit(resident, '/afspraak?product=identiteitskaart');
    const second = await pickFirstFreeTime(resident);
    await resident.getByRole('button', { name: 'Afspraak bevestigen' }).click();
    await expect.poll(() => resident.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 }).toBe('Uw afspraak is bevestigd');
    await expectAccessible(resident);

    // Burgerzaken opens the agenda of that day and finds the booking.
    const chloe = await person('burgerzaken', { width: 1280, height: 800 });
    await loginStaff(chloe, 'Chloë Vermeulen');
    await chloe.getByRole('navigation', { name: 'Werkplek' }).getByRole('link', { name: 'Afspraken', exact: true }).click();
    await expect.poll(() => pathOf(chloe)).toBe('/werk/afspraken');
    await chloe.waitForLoadState('networkidle');
    // The address changes first; the page follows when its data is there (slow on a busy machine).
    await expect.poll(() => chloe.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 }).toBe('Afspraken');
    await expectAccessible(chloe);
    await chloe.getByLabel('Dag', { exact: true }).fill(cityDate(second));
    const row = chloe.getByRole('row').filter({ hasText: 'Lien Desmet' }).filter({ hasText: 'Gepland' });
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    expect(await row.textContent()).toContain('Identiteitskaart');
    expect(await row.getByRole('rowheader').textContent()).toContain(dutchTime(second));
    expect(await chloe.locator('caption').textContent()).toContain('1 gepland');
    await expectAccessible(chloe);
  });
});

describe('a home visit', () => {
  test('whose time someone else takes meanwhile: the resident is told, the free times are read again and another one is booked', async () => {
    const maria = await person('maria', { width: 360, height: 740 });
    const jens = await person('jens', { width: 360, height: 740 });
    for (const [page, name] of [
      [maria, 'Maria Verhaeghe'],
      [jens, 'Jens Vanhoutte'],
    ] as const) {
      await visit(page, '/afspraak?product=thuisdienst');
      // A home visit goes to the address in the register: the login offered is eID or itsme only.
      await expect.poll(() => page.getByRole('link', { name: 'Aanmelden met eID of itsme' }).count()).toBe(1);
      expect(await page.getByRole('link', { name: 'Andere manier om aan te melden' }).count()).toBe(0);
      await page.getByRole('link', { name: 'Aanmelden met eID of itsme' }).click();
      await loginThroughProvider(page, name, /^\/afspraak$/);
      await expect.poll(() => page.getByRole('button', { name: 'Afspraak bevestigen' }).count()).toBe(1);
    }
    expect(await maria.locator('main').textContent()).toContain('Voor deze afspraak komt een medewerker bij u thuis.');

    // Both pick the same time; Jens confirms first.
    const start = await pickFirstFreeTime(maria);
    await jens.locator(`input[type=radio][value="${start}"]`).check();
    await jens.getByRole('button', { name: 'Afspraak bevestigen' }).click();
    await expect.poll(() => jens.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 }).toBe('Uw afspraak is bevestigd');

    // Maria is told at once (the message takes focus), and the time is gone from the list read again.
    await maria.getByRole('button', { name: 'Afspraak bevestigen' }).click();
    await expect
      .poll(() => maria.evaluate(() => document.activeElement?.textContent ?? ''), { timeout: 10_000 })
      .toContain('Dit uur is net door iemand anders gekozen');
    await expect.poll(() => maria.locator(`input[type=radio][value="${start}"]`).count()).toBe(0);
    expect(await maria.getByRole('heading', { level: 1 }).textContent()).toBe('Een afspraak maken');
    await expectAccessible(maria);

    const other = await pickFirstFreeTime(maria);
    expect(other).not.toBe(start);
    await maria.getByRole('button', { name: 'Afspraak bevestigen' }).click();
    await expect.poll(() => maria.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 }).toBe('Uw afspraak is bevestigd');
    expect(await maria.locator('main').textContent()).toContain('Bij u thuis');
    await expectAccessible(maria);
  });
});

describe('an appointment made on the phone', () => {
  test('is booked by the contact centre for a caller looked up in the register, and stands in the agenda of that day', async () => {
    const bram = await person('contact-centre', { width: 1280, height: 800 });
    await loginStaff(bram, 'Bram Declercq');
    await visit(bram, '/werk/afspraken');
    await bram.getByRole('link', { name: 'Afspraak maken voor iemand' }).click();
    await expect.poll(() => pathOf(bram)).toBe('/werk/afspraken/nieuw');
    await expect.poll(() => bram.getByRole('heading', { level: 1 }).textContent()).toBe('Afspraak maken voor iemand');
    await expectAccessible(bram);

    // Nothing chosen yet: each missing part is said at its field.
    await bram.getByRole('button', { name: 'Afspraak maken' }).click();
    await expect.poll(() => bram.locator('main').textContent()).toContain('Zoek eerst de persoon op in het rijksregister.');
    expect(await bram.locator('main').textContent()).toContain('Kies waarvoor de afspraak is.');
    await expectAccessible(bram);

    await bram.getByRole('textbox', { name: /Rijksregisternummer/ }).fill(demoResidents.febeDeclercq.nationalNumber);
    await bram.getByRole('button', { name: 'Opzoeken' }).click();
    await expect.poll(() => bram.getByRole('status').filter({ hasText: 'Febe Declercq' }).count(), { timeout: 10_000 }).toBe(1);
    await bram.getByRole('combobox', { name: 'Product' }).selectOption('rijbewijs');
    const day = bram.getByRole('combobox', { name: 'Dag', exact: true });
    await expect.poll(() => day.locator('option').count(), { timeout: 10_000 }).toBeGreaterThan(1);
    await day.selectOption({ index: 1 });
    const time = bram.getByRole('combobox', { name: 'Uur', exact: true });
    await expect.poll(() => time.locator('option').count()).toBeGreaterThan(1);
    await time.selectOption({ index: 1 });
    const start = await time.inputValue();
    await bram.getByRole('textbox', { name: /Bericht voor de balie/ }).fill('Belde zelf; komt met haar oude rijbewijs.');
    await bram.getByRole('button', { name: 'Afspraak maken' }).click();
    await expect.poll(() => bram.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 }).toBe('Afspraak gemaakt');
    expect(await bram.locator('main').textContent()).toContain('Febe Declercq');
    await expectAccessible(bram);

    await bram.getByRole('link', { name: 'Naar de agenda van die dag' }).click();
    const row = bram.getByRole('row').filter({ hasText: 'Febe Declercq' });
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    expect(await row.textContent()).toContain('Rijbewijs');
    expect(await row.getByRole('rowheader').textContent()).toContain(dutchTime(start));
    await expectAccessible(bram);
  });
});
