import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  type ChannelId,
  type ChannelToday,
  type CityProfile,
  type CityResponse,
  channelIds,
  cityResponseSchema,
  isOpenAt,
  localDate,
  nextOpening,
  openingHoursOn,
  upcomingClosingDays,
} from '../../../../shared/src/city/index.ts';

export type CityRoutesOptions = { profile: CityProfile; clock: () => Date };

const upcomingCount = 5;

const channelToday = (profile: CityProfile, channel: ChannelId, now: Date, today: string): ChannelToday => {
  const { date: _date, channel: _channel, ...hours } = openingHoursOn(profile, channel, today);
  const next = nextOpening(profile, channel, now);
  return {
    ...hours,
    openNow: isOpenAt(profile, channel, now),
    // Offset form without the [zone] suffix, so `new Date()` in any browser can parse it.
    nextOpening: next ? next.toString({ timeZoneName: 'never', smallestUnit: 'minute' }) : null,
  };
};

/** Builds the public view of the profile; only the fields listed here leave the server. */
export const publicCity = (profile: CityProfile, now: Date): CityResponse => {
  const today = localDate(profile, now);
  const channels = Object.fromEntries(channelIds.map((id) => [id, channelToday(profile, id, now, today)])) as CityResponse['today']['channels'];
  return {
    slug: profile.slug,
    name: profile.name,
    languages: profile.languages,
    defaultLanguage: profile.defaultLanguage,
    timeZone: profile.timeZone,
    address: profile.address,
    contact: profile.contact,
    theme: profile.theme,
    subMunicipalities: profile.subMunicipalities,
    channels: profile.channels,
    desks: profile.desks,
    teams: profile.teams.map(({ id, name, kind }) => ({ id, name, kind })),
    partners: profile.partners,
    today: { date: today, channels },
    upcomingClosingDays: upcomingClosingDays(profile, today, upcomingCount),
  };
};

/**
 * `GET /api/city`: what the web app needs to brand itself and show contact data, opening hours
 * and closing days. Public, no personal data. Register with `app.register(cityRoutes, { profile, clock })`.
 */
export const cityRoutes: FastifyPluginAsync<CityRoutesOptions> = async (app, { profile, clock }) => {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/city',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Public profile of the city with today’s opening hours',
        tags: ['city'],
        response: { 200: cityResponseSchema },
      },
    },
    async () => publicCity(profile, clock()),
  );
};
