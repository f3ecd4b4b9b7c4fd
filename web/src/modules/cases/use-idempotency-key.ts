import { useRef } from 'react';
import { newIdempotencyKey } from './cases.api.ts';

/**
 * The Idempotency-Key of one form fill: made when the form appears and kept across retries (a
 * lost answer, a double click, a refused submit that is corrected), so the server makes one case
 * however often the same fill is sent. `renew` after a success starts the next fill afresh.
 */
export const useIdempotencyKey = () => {
  const key = useRef<string | null>(null);
  return {
    current: (): string => {
      key.current ??= newIdempotencyKey();
      return key.current;
    },
    renew: (): void => {
      key.current = null;
    },
  };
};
