import { useEffect, useState } from 'react';

/** `value` once it has not changed for `ms`: suggestions ask the server after a pause in typing, not on every key. */
export const useDebounced = <T>(value: T, ms: number): T => {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
};
