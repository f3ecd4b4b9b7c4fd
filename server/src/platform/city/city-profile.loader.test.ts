import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { CityProfileError, loadCityProfile, parseCityProfile } from './city-profile.loader.ts';

const fixtures = 'server/test/fixtures/cities';
const harelbekePath = 'config/cities/harelbeke.yaml';
const testdorpPath = `${fixtures}/testdorp.yaml`;

const failure = async (load: () => Promise<unknown> | unknown): Promise<CityProfileError> => {
  try {
    await load();
  } catch (error) {
    expect(error).toBeInstanceOf(CityProfileError);
    const profileError = error as CityProfileError;
    expect(profileError.name).toBe('CityProfileError');
    expect(profileError.message).not.toContain('\n');
    return profileError;
  }
  throw new Error('expected the profile to be refused');
};

describe('loadCityProfile with the real profiles', () => {
  it('loads Harelbeke with its public facts and fills in defaults', async () => {
    const harelbeke = await loadCityProfile(harelbekePath);
    expect(harelbeke).toMatchObject({
      slug: 'harelbeke',
      nisCode: '34013',
      lauCode: 'BE25434013',
      kboNumber: '0207492502',
      timeZone: 'Europe/Brussels',
      defaultLanguage: 'nl',
      caseReferencePrefix: 'HB',
      address: { street: 'Marktstraat', number: '29', postcode: '8530', municipality: 'Harelbeke' },
      contact: { phone: '056 73 33 11', email: 'info@harelbeke.be', website: 'https://www.harelbeke.be' },
    });
    expect(harelbeke.subMunicipalities.map((s) => `${s.postcode} ${s.name}`)).toEqual(['8530 Harelbeke', '8531 Bavikhove', '8531 Hulste']);
    expect(harelbeke.closingDays.optionalHolidays).toEqual(['flemish-community-day']);
    expect(harelbeke.channels.counter.byAppointment).toBe(true);
    expect(harelbeke.channels.online.alwaysOpen).toBe(true);
    expect(harelbeke.partners.map((p) => p.kind)).toEqual(['police', 'fire']);
    expect(harelbeke.teams.map((t) => t.id)).toEqual(expect.arrayContaining(['onthaal', 'contactcenter', 'burgerzaken', 'vreemdelingenzaken', 'omgeving']));
  });

  it('loads Testdorp, which differs from Harelbeke in every city-specific field', async () => {
    const [testdorp, harelbeke] = await Promise.all([loadCityProfile(testdorpPath), loadCityProfile(harelbekePath)]);
    expect(testdorp.languages).toEqual(['nl', 'fr']);
    expect(testdorp.kboNumber).toBe('0123456749');
    for (const field of ['slug', 'nisCode', 'lauCode', 'kboNumber', 'caseReferencePrefix'] as const) {
      expect(testdorp[field]).not.toBe(harelbeke[field]);
    }
    expect(testdorp.channels['quick-desk'].available).toBe(false);
    expect(testdorp.theme.primaryTextColor).toBe('#FFFFFF');
  });

  it('reads the same profile from JSON', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'gastvrij-city-'));
    const jsonPath = path.join(dir, 'testdorp.json');
    await writeFile(jsonPath, JSON.stringify(parseYaml(await readFile(testdorpPath, 'utf8'))));
    expect(await loadCityProfile(jsonPath)).toEqual(await loadCityProfile(testdorpPath));
  });
});

describe('loadCityProfile with broken files', () => {
  it.each([
    ['broken-time.yaml', `Invalid city profile ${fixtures}/broken-time.yaml: channels.counter.hours.monday[1].from "25:00" must be a time HH:MM.`],
    [
      'broken-contrast.yaml',
      `Invalid city profile ${fixtures}/broken-contrast.yaml: theme.primaryColor "#7FB5E0" has a contrast of 2.19:1 on white; WCAG AA needs at least 4.5:1, choose a darker colour.`,
    ],
    ['broken-kbo.yaml', `Invalid city profile ${fixtures}/broken-kbo.yaml: kboNumber "0123.456.748" has a wrong check number`],
    ['broken-syntax.yaml', `Invalid city profile ${fixtures}/broken-syntax.yaml: YAML syntax error at line 6, column 1:`],
    ['broken-incomplete.yaml', `Invalid city profile ${fixtures}/broken-incomplete.yaml: nisCode is required.`],
    ['missing.yaml', `Invalid city profile ${fixtures}/missing.yaml: the file does not exist; check GASTVRIJ_CITY_PROFILE`],
  ])('%s stops the start with a one-line message', async (file, expected) => {
    const error = await failure(() => loadCityProfile(`${fixtures}/${file}`));
    expect(error.message.startsWith(expected)).toBe(true);
    expect(error.filePath).toBe(`${fixtures}/${file}`);
  });

  it('reports the second bad time too, and keeps every issue for callers', async () => {
    const error = await failure(() => loadCityProfile(`${fixtures}/broken-time.yaml`));
    expect(error.message).toContain('(and 1 more: channels.counter.hours.monday[1].to "26:00" must be a time HH:MM)');
    expect(error.issues.map((i) => i.path)).toEqual(['channels.counter.hours.monday[1].from', 'channels.counter.hours.monday[1].to']);
  });

  it('names a JSON syntax error', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'gastvrij-city-'));
    const jsonPath = path.join(dir, 'city.json');
    await writeFile(jsonPath, '{ "slug": "x", }');
    const error = await failure(() => loadCityProfile(jsonPath));
    expect(error.message).toMatch(/^Invalid city profile .*city\.json: the file is not valid JSON \(/);
  });

  it('refuses an empty file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'gastvrij-city-'));
    const emptyPath = path.join(dir, 'empty.yaml');
    await writeFile(emptyPath, '# nothing yet\n');
    const error = await failure(() => loadCityProfile(emptyPath));
    expect(error.message).toBe(`Invalid city profile ${emptyPath}: the file is empty.`);
  });

  it('does not accept a copy of Harelbeke with a typo in a key', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'gastvrij-city-'));
    const copy = path.join(dir, 'typo.yaml');
    await copyFile(harelbekePath, copy);
    await writeFile(copy, (await readFile(copy, 'utf8')).replace('caseReferencePrefix:', 'caseReferencePrefx:'));
    const error = await failure(() => loadCityProfile(copy));
    expect(error.message).toContain('caseReferencePrefix is required');
    expect(error.message).toContain('has unknown field "caseReferencePrefx"; check the spelling or remove it');
  });
});

describe('parseCityProfile messages', () => {
  const valid = async () => parseYaml(await readFile(testdorpPath, 'utf8')) as Record<string, unknown>;
  // biome-ignore lint/suspicious/noExplicitAny: each case reaches into the parsed YAML at a different depth.
  type Data = any;

  it.each<[string, (d: Data) => void, string]>([
    [
      'overlapping intervals',
      (d) => {
        d.channels.phone.hours.monday = [
          { from: '09:00', to: '12:00' },
          { from: '11:00', to: '13:00' },
        ];
      },
      'channels.phone.hours.monday[1].from "11:00" overlaps or comes before the previous interval (09:00-12:00)',
    ],
    [
      'an interval that ends before it starts',
      (d) => {
        d.channels.phone.hours.monday = [{ from: '12:00', to: '09:00' }];
      },
      'channels.phone.hours.monday[0].to "09:00" must end after it starts (from < to).',
    ],
    [
      'a language list without Dutch',
      (d) => {
        d.languages = ['fr'];
      },
      'languages must contain nl.',
    ],
    [
      'a missing French text in a bilingual city',
      (d) => {
        d.teams[0].name = { nl: 'Loket' };
      },
      'teams[0].name.fr is missing: the profile offers fr in languages, so every text needs a fr translation.',
    ],
    [
      'a LAU code of another municipality',
      (d) => {
        d.lauCode = 'BE25434013';
      },
      'lauCode "BE25434013" must end with the NIS code 23999.',
    ],
    [
      'a NIS code with a letter',
      (d) => {
        d.nisCode = '2399X';
      },
      'nisCode "2399X" must be a NIS code of 5 digits, e.g. 34013.',
    ],
    [
      'a colour that is not hex',
      (d) => {
        d.theme.accentColor = 'teal';
      },
      'theme.accentColor "teal" must be a hex colour like #00566B.',
    ],
    [
      'an unknown channel kind of desk',
      (d) => {
        d.desks[0].kind = 'window';
      },
      'desks[0].kind "window" must be one of "counter", "quick-desk", "reception", "kiosk", "pickup-machine".',
    ],
    [
      'a duplicate team id',
      (d) => {
        d.teams[1].id = d.teams[0].id;
      },
      'teams[1].id "loket" is used twice; ids must be unique.',
    ],
    [
      'a channel left out',
      (d) => {
        delete d.channels.home;
      },
      'channels.home is required.',
    ],
    [
      'an available channel without hours',
      (d) => {
        d.channels.home = {};
      },
      'channels.home.hours are empty: give weekly hours, set alwaysOpen: true, or set available: false.',
    ],
    [
      'an always-open channel with hours',
      (d) => {
        d.channels.online.hours = { monday: [{ from: '09:00', to: '12:00' }] };
      },
      'channels.online.hours must be left out when alwaysOpen is true.',
    ],
    [
      'a closing day that does not exist',
      (d) => {
        d.closingDays.days[0].date = '2026-02-30';
      },
      'closingDays.days[0].date "2026-02-30" is not a real calendar date.',
    ],
    [
      'an unknown optional holiday',
      (d) => {
        d.closingDays.optionalHolidays = ['carnival'];
      },
      'closingDays.optionalHolidays[0] "carnival" must be one of "flemish-community-day"',
    ],
    [
      'a website over plain http',
      (d) => {
        d.contact.website = 'http://www.testdorp.example';
      },
      'contact.website "http://www.testdorp.example" must be an https:// URL.',
    ],
    [
      'a logo with neither src nor svg',
      (d) => {
        delete d.theme.logo.src;
      },
      'theme.logo needs exactly one of src (a path) or svg (inline SVG).',
    ],
    [
      'an unknown time zone',
      (d) => {
        d.timeZone = 'Europe/Harelbeke';
      },
      'timeZone "Europe/Harelbeke" must be an IANA time zone such as Europe/Brussels.',
    ],
    [
      'a default language the city does not offer',
      (d) => {
        d.defaultLanguage = 'en';
      },
      'defaultLanguage "en" must be one of languages (nl, fr).',
    ],
  ])('explains %s', async (_case, mutate, expected) => {
    const data = await valid();
    mutate(data);
    const error = await failure(() => parseCityProfile(data, 'x.yaml'));
    expect(error.message).toContain(`Invalid city profile x.yaml: ${expected}`);
  });
});
