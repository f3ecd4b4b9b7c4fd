import { describe, expect, it } from 'vitest';
import { createSearchCache } from './search-cache.ts';

describe('createSearchCache', () => {
  const make = (maxEntries = 2, ttlMs = 1_000) => {
    let now = 0;
    const cache = createSearchCache<string>({ maxEntries, ttlMs, now: () => now });
    return { cache, advance: (ms: number) => (now += ms) };
  };

  it('returns what was stored until it expires', () => {
    const { cache, advance } = make();
    cache.set('paspoort', 'reispas');
    advance(999);
    expect(cache.get('paspoort')).toBe('reispas');
    advance(1);
    expect(cache.get('paspoort')).toBeUndefined();
  });

  it('forgets the least recently used entry first', () => {
    const { cache } = make(2);
    cache.set('a', '1');
    cache.set('b', '2');
    cache.get('a');
    cache.set('c', '3');
    expect(cache.get('a')).toBe('1');
    expect(cache.get('b')).toBeUndefined();
    expect(cache.size()).toBe(2);
  });

  it('keeps nothing with size 0, and clear empties it', () => {
    const off = make(0).cache;
    off.set('a', '1');
    expect(off.get('a')).toBeUndefined();
    const { cache } = make();
    cache.set('a', '1');
    cache.clear();
    expect(cache.size()).toBe(0);
  });
});
