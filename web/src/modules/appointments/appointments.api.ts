import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  agendaResponseSchema,
  appointmentSchema,
  type BookAppointmentRequest,
  type BookForRequest,
  bookableProductsResponseSchema,
  myAppointmentsResponseSchema,
  slotsResponseSchema,
} from '../../../../shared/src/appointments/index.ts';
import type { Language } from '../../../../shared/src/platform/language.ts';
import { apiFetch } from '../../app/api.ts';
import { currentLanguage } from '../../app/i18n.ts';
import type { AppointmentChannel } from './appointment-display.rules.ts';

/** The reader's language, re-rendering on a switch so the queries below refetch in it (titles come in the request's language). */
const useLanguage = (): Language => {
  useTranslation();
  return currentLanguage();
};

const oneMinute = 60_000;

/** What can be booked (`GET /api/appointments/products`): the product page and the booking page both ask, and share the answer. */
export const useBookableProducts = () => {
  const lang = useLanguage();
  return useQuery({
    queryKey: ['appointments', 'products', lang],
    queryFn: ({ signal }) => apiFetch('/api/appointments/products', { schema: bookableProductsResponseSchema, signal }),
    staleTime: 5 * oneMinute,
    placeholderData: keepPreviousData,
  });
};

const slotsKey = ['appointments', 'slots'] as const;

/**
 * The free slots of a week (`GET /api/appointments/slots`). Someone else may book meanwhile: the
 * answer is kept for a short while only and refetched when the person comes back to the tab.
 */
export const useSlots = (query: { product: string; channel: AppointmentChannel | null; from: string }) => {
  const lang = useLanguage();
  const { product, channel, from } = query;
  return useQuery({
    queryKey: [...slotsKey, product, channel, from, lang],
    queryFn: ({ signal }) =>
      apiFetch(`/api/appointments/slots?${new URLSearchParams({ product, channel: channel ?? 'counter', from, days: '7' })}`, {
        schema: slotsResponseSchema,
        signal,
      }),
    enabled: product !== '' && channel !== null,
    staleTime: 30_000,
    retry: false,
  });
};

const myAppointmentsKey = ['my-appointments'] as const;

/** Books a slot (`POST /api/appointments`); the key makes a retry of the same confirmation answer the same booking. */
export const useBookAppointment = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: BookAppointmentRequest; idempotencyKey: string }) =>
      apiFetch('/api/appointments', { method: 'POST', body, schema: appointmentSchema, headers: { 'idempotency-key': idempotencyKey } }),
    onSettled: () => {
      // Booked or refused (a slot taken meanwhile): the free slots have changed either way.
      void queryClient.invalidateQueries({ queryKey: slotsKey });
      void queryClient.invalidateQueries({ queryKey: myAppointmentsKey });
    },
  });
};

/** "Mijn afspraken": upcoming (soonest first), then earlier and cancelled ones. */
export const useMyAppointments = () => {
  const lang = useLanguage();
  return useQuery({
    queryKey: [...myAppointmentsKey, lang],
    queryFn: ({ signal }) => apiFetch('/api/me/appointments', { schema: myAppointmentsResponseSchema, signal }),
  });
};

/** Cancels one of my appointments; the lists and the free slots are read again after. */
export const useCancelAppointment = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch(`/api/me/appointments/${encodeURIComponent(id)}/cancel`, { method: 'POST', schema: appointmentSchema }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: myAppointmentsKey });
      void queryClient.invalidateQueries({ queryKey: slotsKey });
    },
  });
};

/** A day's agenda in the workspace (`GET /api/work/appointments`), optionally for one channel. */
export const useAgenda = (date: string, channel: AppointmentChannel | null) => {
  const lang = useLanguage();
  return useQuery({
    queryKey: ['work', 'appointments', date, channel, lang],
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ date });
      if (channel) params.set('channel', channel);
      return apiFetch(`/api/work/appointments?${params}`, { schema: agendaResponseSchema, signal });
    },
    placeholderData: keepPreviousData,
    retry: false,
  });
};

/** An employee books for a person in the register (`POST /api/work/appointments`). */
export const useBookFor = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: BookForRequest; idempotencyKey: string }) =>
      apiFetch('/api/work/appointments', { method: 'POST', body, schema: appointmentSchema, headers: { 'idempotency-key': idempotencyKey } }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: slotsKey });
      void queryClient.invalidateQueries({ queryKey: ['work', 'appointments'] });
    },
  });
};
