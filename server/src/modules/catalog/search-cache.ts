/**
 * A small least-recently-used cache with a time limit. Residents ask the same few hundred questions
 * over and over, and the catalogue changes a few times a week: a cached answer saves a database round
 * trip. The time limit bounds how long another instance's catalogue change stays invisible here; a
 * change made through this instance clears the cache at once.
 */
export type SearchCache<T> = { get: (key: string) => T | undefined; set: (key: string, value: T) => void; clear: () => void; size: () => number };

export const createSearchCache = <T>(options: { maxEntries: number; ttlMs: number; now: () => number }): SearchCache<T> => {
  // A Map iterates in insertion order: re-inserting on a hit keeps the least recently used first.
  const entries = new Map<string, { value: T; expires: number }>();
  return {
    get: (key) => {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expires <= options.now()) {
        entries.delete(key);
        return undefined;
      }
      entries.delete(key);
      entries.set(key, entry);
      return entry.value;
    },
    set: (key, value) => {
      if (options.maxEntries <= 0) return;
      entries.delete(key);
      entries.set(key, { value, expires: options.now() + options.ttlMs });
      while (entries.size > options.maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
    clear: () => entries.clear(),
    size: () => entries.size,
  };
};
