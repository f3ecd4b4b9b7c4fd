import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createReferenceAllocator, type ReserveReferences } from './case-references.ts';

/** The database's counters, with a reservation that answers later (as a round trip does). */
const counters = () => {
  const stored = new Map<string, number>();
  let reservations = 0;
  const reserve: ReserveReferences = async (prefix, year, count) => {
    reservations += 1;
    await new Promise((resolve) => setTimeout(resolve, 0));
    const key = `${prefix}/${year}`;
    const last = (stored.get(key) ?? 0) + count;
    stored.set(key, last);
    return last;
  };
  return { reserve, reservations: () => reservations };
};

describe('reference allocator', () => {
  it('hands out 1, 2, 3 … in one process, reserving a block of ten at a time', async () => {
    const db = counters();
    const allocator = createReferenceAllocator(db.reserve, 10);
    const taken: number[] = [];
    for (let i = 0; i < 25; i++) taken.push(await allocator.next('HB', 2026));
    expect(taken).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(db.reservations()).toBe(3);
  });

  it('keeps years and prefixes apart', async () => {
    const allocator = createReferenceAllocator(counters().reserve, 5);
    expect([await allocator.next('HB', 2026), await allocator.next('HB', 2027), await allocator.next('TD', 2026), await allocator.next('HB', 2026)]).toEqual([
      1, 1, 1, 2,
    ]);
  });

  it('lets a burst wait for one reservation instead of reserving a block each', async () => {
    const db = counters();
    const allocator = createReferenceAllocator(db.reserve, 10);
    const taken = await Promise.all(Array.from({ length: 10 }, () => allocator.next('HB', 2026)));
    expect([...taken].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(db.reservations()).toBe(1);
  });

  it('never gives a number twice, whatever the processes, block sizes and interleaving', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 80 }),
        async (blockSizes, picks) => {
          const db = counters();
          const processes = blockSizes.map((size) => createReferenceAllocator(db.reserve, size));
          const taken = await Promise.all(picks.map((pick) => (processes[pick % processes.length] as (typeof processes)[number]).next('HB', 2026)));
          expect(new Set(taken).size).toBe(taken.length);
          expect(Math.min(...taken)).toBeGreaterThanOrEqual(1);
        },
      ),
    );
  });

  it('passes a failed reservation on, and tries again for the next submission', async () => {
    let fail = true;
    const allocator = createReferenceAllocator(async (_prefix, _year, count) => {
      if (fail) throw new Error('database unreachable');
      return count;
    }, 3);
    await expect(allocator.next('HB', 2026)).rejects.toThrow('database unreachable');
    fail = false;
    expect(await allocator.next('HB', 2026)).toBe(1);
  });
});
