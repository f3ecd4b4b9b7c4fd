import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterEach, describe, expect, it } from 'vitest';
import type { CityProfile, CityResponse } from '../../../../shared/src/city/index.ts';
import { cityRoutes } from './city.routes.ts';
import { loadCityProfile } from './city-profile.loader.ts';

const apps: ReturnType<typeof Fastify>[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

const getCity = async (profile: CityProfile, now: string): Promise<CityResponse> => {
  const app = Fastify();
  apps.push(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(cityRoutes, { profile, clock: () => new Date(now) });
  const response = await app.inject({ method: 'GET', url: '/api/city' });
  expect(response.statusCode).toBe(200);
  return response.json();
};

describe('GET /api/city', () => {
  it('shows Harelbeke with today’s hours the Monday after the spring DST change', async () => {
    const harelbeke = await loadCityProfile('config/cities/harelbeke.yaml');
    // 08:45 in Brussels (UTC+2 since Sunday 29 March 2026).
    const city = await getCity(harelbeke, '2026-03-30T06:45:00Z');
    expect(city.name.nl).toBe('Stad Harelbeke');
    expect(city.today.date).toBe('2026-03-30');
    expect(city.today.channels.phone).toMatchObject({ open: true, openNow: true, nextOpening: '2026-03-30T08:45+02:00' });
    expect(city.today.channels.counter.openNow).toBe(true);
    expect(city.today.channels.online).toMatchObject({ alwaysOpen: true, openNow: true });
    expect(city.today.channels.home).toMatchObject({ open: false, openNow: false, nextOpening: '2026-03-31T09:00+02:00' });
    expect(city.upcomingClosingDays.map((d) => d.date)).toEqual(['2026-04-06', '2026-05-01', '2026-05-14', '2026-05-25', '2026-07-11']);
    expect(city.upcomingClosingDays[4]?.name.nl).toBe('Feestdag van de Vlaamse Gemeenschap');
  });

  it('keeps internal data out of the public view', async () => {
    const harelbeke = await loadCityProfile('config/cities/harelbeke.yaml');
    const city = await getCity(harelbeke, '2026-03-30T06:45:00Z');
    const body = JSON.stringify(city);
    expect(body).not.toContain('burgerzaken@harelbeke.be');
    expect(body).not.toContain('kboNumber');
    expect(body).not.toContain('caseReferencePrefix');
    expect(city.teams.find((t) => t.id === 'burgerzaken')).toEqual({
      id: 'burgerzaken',
      kind: 'department',
      name: { nl: 'Burgerzaken', fr: 'Affaires civiles', en: 'Civil affairs' },
    });
  });

  it('serves Testdorp from its own profile, closed on its own holidays', async () => {
    const testdorp = await loadCityProfile('server/test/fixtures/cities/testdorp.yaml');
    // Easter Monday 2026, 10:00 in Brussels.
    const city = await getCity(testdorp, '2026-04-06T08:00:00Z');
    expect(city.slug).toBe('testdorp');
    expect(city.languages).toEqual(['nl', 'fr']);
    expect(city.today.channels.counter).toMatchObject({
      open: false,
      openNow: false,
      closedReason: { nl: 'Paasmaandag' },
      nextOpening: '2026-04-08T09:00+02:00',
    });
    expect(city.today.channels.kiosk).toMatchObject({ alwaysOpen: true, openNow: true });
    expect(city.today.channels['quick-desk']).toMatchObject({ available: false, nextOpening: null });
    // Testdorp does not opt into 11 July, unlike Harelbeke.
    expect(city.upcomingClosingDays.map((d) => d.date)).toEqual(['2026-04-06', '2026-05-01', '2026-05-14', '2026-05-15', '2026-05-25']);
  });
});
