import { useQuery } from '@tanstack/react-query';
import { type CityResponse, cityResponseSchema } from '../../../shared/src/city/index.ts';
import { apiFetch } from './api.ts';

const fiveMinutes = 5 * 60_000;

/**
 * The public city profile with today's opening hours. Refetched every five minutes, so a screen
 * left open overnight (the display, the kiosk) shows the new day's hours.
 */
export const useCity = () =>
  useQuery<CityResponse>({
    queryKey: ['city'],
    queryFn: ({ signal }) => apiFetch('/api/city', { schema: cityResponseSchema, signal }),
    staleTime: fiveMinutes,
    refetchInterval: fiveMinutes,
  });
