/**
 * Case reference numbers (`HB-2026-000123`) handed out from blocks reserved in the database, the
 * way a PostgreSQL sequence with CACHE does: one statement reserves `blockSize` numbers for this
 * process, the submissions then take them from memory without a round trip (ADR 0005, decision 3).
 *
 * What holds: every number is given once, across processes; within one process numbers rise.
 * What does not: two processes interleave their blocks, so across instances a later submission can
 * have a lower number; numbers of a block left unused when a process stops are skipped (gaps, as a
 * failed submission already leaves).
 */
export type ReferenceAllocator = { next: (prefix: string, year: number) => Promise<number> };

/** `reserve` raises the stored counter by `count` and answers the new last number (the block's end). */
export type ReserveReferences = (prefix: string, year: number, count: number) => Promise<number>;

export const createReferenceAllocator = (reserve: ReserveReferences, blockSize = 10): ReferenceAllocator => {
  if (!Number.isInteger(blockSize) || blockSize < 1) throw new Error(`blockSize must be a positive integer, not ${blockSize}`);
  const blocks = new Map<string, { next: number; last: number }>();
  // One reservation at a time per counter: a burst waits for it instead of reserving a block each.
  const reserving = new Map<string, Promise<void>>();
  return {
    async next(prefix, year) {
      const key = `${prefix}\u0000${year}`;
      for (;;) {
        const block = blocks.get(key);
        if (block && block.next <= block.last) return block.next++;
        let pending = reserving.get(key);
        if (!pending) {
          pending = reserve(prefix, year, blockSize)
            .then((last) => {
              blocks.set(key, { next: last - blockSize + 1, last });
            })
            .finally(() => reserving.delete(key));
          reserving.set(key, pending);
        }
        await pending;
      }
    },
  };
};
