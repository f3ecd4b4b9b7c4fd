import { type CityProfile, type CityProfileInput, cityProfileSchema } from './city-profile.schema.ts';

const officeHours = [
  { from: '08:30', to: '12:00' },
  { from: '13:30', to: '16:30' },
];

/**
 * A valid profile of a made-up city ("Voorbeeldstad") for tests and stories, with
 * `overrides` applied on the top level before validation. Kept apart from the real profiles in
 * config/cities so that tests do not break when a city changes its hours.
 */
export const buildCityProfile = (overrides: Partial<CityProfileInput> = {}): CityProfile =>
  cityProfileSchema.parse({
    slug: 'voorbeeldstad',
    name: { nl: 'Voorbeeldstad', fr: 'Ville-Exemple', en: 'Example City' },
    nisCode: '12345',
    lauCode: 'BE21112345',
    kboNumber: '0207492502',
    languages: ['nl', 'fr', 'en'],
    caseReferencePrefix: 'VS',
    subMunicipalities: [{ name: 'Voorbeeldstad', postcode: '8500' }],
    address: { street: 'Grote Markt', number: '1', postcode: '8500', municipality: 'Voorbeeldstad' },
    contact: { phone: '050 00 00 00', email: 'info@voorbeeldstad.example', website: 'https://voorbeeldstad.example' },
    theme: {
      primaryColor: '#00566B',
      accentColor: '#F0A500',
      focusColor: '#1D5C96',
      logo: { src: '/logo.svg', alt: { nl: 'Logo', fr: 'Logo', en: 'Logo' } },
    },
    teams: [
      {
        id: 'burgerzaken',
        kind: 'department',
        name: { nl: 'Burgerzaken', fr: 'Affaires civiles', en: 'Civil affairs' },
        email: 'burgerzaken@voorbeeldstad.example',
      },
    ],
    channels: {
      online: { alwaysOpen: true },
      phone: {
        hours: {
          monday: officeHours,
          tuesday: officeHours,
          wednesday: officeHours,
          thursday: officeHours,
          friday: officeHours,
        },
      },
      counter: {
        byAppointment: true,
        hours: {
          monday: [{ from: '08:30', to: '12:00' }],
          tuesday: [{ from: '08:30', to: '12:00' }],
          wednesday: [{ from: '08:30', to: '12:00' }],
          thursday: [
            { from: '08:30', to: '12:00' },
            { from: '16:30', to: '19:00' },
          ],
          friday: [{ from: '08:30', to: '12:00' }],
        },
      },
      'quick-desk': { hours: { saturday: [{ from: '09:00', to: '12:00' }] } },
      kiosk: { available: false },
      home: { byAppointment: true, hours: { tuesday: [{ from: '09:00', to: '12:00' }] } },
    },
    closingDays: {
      optionalHolidays: ['flemish-community-day'],
      days: [
        { date: '2026-01-02', name: { nl: 'Dag na Nieuwjaar', fr: 'Lendemain du Nouvel An', en: 'Day after New Year' } },
        {
          date: '2026-12-24',
          closedFrom: '12:00',
          name: { nl: 'Kerstavond', fr: 'Réveillon de Noël', en: 'Christmas Eve' },
        },
      ],
    },
    ...overrides,
  });
