import { once } from 'node:events';
import { createReadStream, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { z } from 'zod';

/**
 * The Gastvrij backup file, version 1. One gzip stream holding:
 *
 *   GASTVRIJ-BACKUP\n                     magic line
 *   {header as JSON}\n                    one line, see backupHeaderSchema
 *   frames                                type byte, uint32 big-endian payload length, payload
 *
 * Frames, per table in header order: `T` (JSON {schema, name}), any number of `D` (a piece of the
 * table's `COPY ... TO STDOUT` text output), `E` (JSON {rows}); after the last table one `Z`.
 * Text COPY escapes newlines inside values, so every row ends in exactly one newline byte: the
 * reader counts rows without parsing values. Text (not binary) COPY keeps a backup of PostgreSQL 18
 * loadable into PostgreSQL 15 and back. Length-prefixed frames keep the data opaque: no escaping.
 */
export const backupMagic = 'GASTVRIJ-BACKUP';
export const backupFormatVersion = 1;

/** A backup that cannot be made or restored; the message says what is wrong and what to do. */
export class BackupError extends Error {
  override name = 'BackupError';
}

const migrationSchema = z.object({ version: z.string(), name: z.string(), checksum: z.string() });
const tableSchema = z.object({ schema: z.string(), name: z.string(), columns: z.array(z.string()).min(1), rows: z.number().int().min(0) });
const sequenceSchema = z.object({ schema: z.string(), name: z.string(), lastValue: z.string(), isCalled: z.boolean() });

/** What a backup holds, written before the data so a restore can refuse early. */
export const backupHeaderSchema = z.object({
  format: z.literal('gastvrij-backup'),
  formatVersion: z.number().int().min(1),
  gastvrijVersion: z.string(),
  createdAt: z.string(),
  serverVersion: z.string(),
  /** The rows of schema_migrations at the time of the backup: the schema the data fits. */
  migrations: z.array(migrationSchema),
  /** In load order: a table comes after the tables its foreign keys point at. */
  tables: z.array(tableSchema),
  sequences: z.array(sequenceSchema),
  /** Schemas deliberately left out, with the reason (shown by restore). */
  excluded: z.array(z.object({ schema: z.string(), reason: z.string() })),
});

export type BackupHeader = z.infer<typeof backupHeaderSchema>;
export type BackupTable = BackupHeader['tables'][number];

/** The version in package.json, recorded in each backup so a person can tell which Gastvrij made it. */
export const gastvrijVersion = (): string => {
  const file = path.resolve(import.meta.dirname, '..', '..', '..', '..', 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
};

export const frameType = { table: 0x54, data: 0x44, end: 0x45, finish: 0x5a } as const;
// A COPY chunk is some tens of kilobytes; a larger length means the file is damaged, not that we should allocate it.
const maxFrameLength = 64 * 1024 * 1024;
const maxHeaderLength = 16 * 1024 * 1024;

/** Writes one frame, waiting when the stream asks to (backpressure), failing when it errors. */
export const writeFrame = async (out: Writable, type: number, payload: Buffer): Promise<void> => {
  const head = Buffer.alloc(5);
  head.writeUInt8(type, 0);
  head.writeUInt32BE(payload.length, 1);
  out.write(head);
  if (!out.write(payload)) await once(out, 'drain');
};

export const jsonFrame = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');

const countNewlines = (chunk: Buffer): number => {
  let count = 0;
  let at = chunk.indexOf(10);
  while (at !== -1) {
    count++;
    at = chunk.indexOf(10, at + 1);
  }
  return count;
};

// Damage found while reading; turned into a BackupError that names the file. Errors thrown by a visitor pass through untouched.
class Damaged extends Error {}

/** Reads exact byte counts from an async stream of chunks. */
class ByteReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private done = false;
  private readonly source: AsyncIterator<Buffer>;

  constructor(source: AsyncIterable<Buffer>) {
    this.source = source[Symbol.asyncIterator]();
  }

  private async fill(n: number): Promise<boolean> {
    while (this.buffered < n && !this.done) {
      const next = await this.source.next();
      if (next.done) this.done = true;
      else {
        this.chunks.push(next.value);
        this.buffered += next.value.length;
      }
    }
    return this.buffered >= n;
  }

  async read(n: number, what: string): Promise<Buffer> {
    if (!(await this.fill(n))) throw new Damaged(`the file ends in the middle of ${what}`);
    const all = this.chunks.length === 1 ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks);
    const taken = all.subarray(0, n);
    const rest = all.subarray(n);
    this.chunks = rest.length ? [rest] : [];
    this.buffered = rest.length;
    return taken;
  }

  async readLine(limit: number, what: string): Promise<string> {
    for (;;) {
      const all = Buffer.concat(this.chunks);
      this.chunks = all.length ? [all] : [];
      const at = all.indexOf(10);
      if (at !== -1) return (await this.read(at + 1, what)).subarray(0, at).toString('utf8');
      if (all.length > limit) throw new Damaged(`${what} is too long`);
      if (!(await this.fill(all.length + 1))) throw new Damaged(`the file ends in the middle of ${what}`);
    }
  }

  async atEnd(): Promise<boolean> {
    return !(await this.fill(1));
  }
}

/** What a pass over a backup file is told, in file order. */
export type BackupVisitor = {
  header?: (header: BackupHeader) => Promise<void> | void;
  tableStart?: (table: BackupTable) => Promise<void> | void;
  data?: (table: BackupTable, chunk: Buffer) => Promise<void> | void;
  tableEnd?: (table: BackupTable, rows: number) => Promise<void> | void;
};

const parseJson = (payload: Buffer, what: string): unknown => {
  try {
    return JSON.parse(payload.toString('utf8'));
  } catch {
    throw new Damaged(`${what} is not valid JSON`);
  }
};

const describeZlibError = (error: NodeJS.ErrnoException) =>
  error.code === 'Z_BUF_ERROR' ? 'the file is cut off (incomplete gzip data)' : `the gzip data is damaged (${error.message})`;

/**
 * Reads a backup file from start to end, checking its structure, the gzip checksum and each table's
 * row count against the header, and calls the visitor along the way. Any damage becomes a
 * BackupError saying what is wrong; a caller that has not written anything yet can promise the
 * target is untouched.
 */
export const readBackup = async (file: string, visitor: BackupVisitor = {}): Promise<BackupHeader> => {
  const gunzip = createGunzip();
  let streamError: NodeJS.ErrnoException | null = null;
  pipeline(createReadStream(file), gunzip, (error) => {
    if (error) streamError = error as NodeJS.ErrnoException;
  });
  const reader = new ByteReader(gunzip);
  try {
    const magic = await reader.readLine(64, 'the first line');
    if (magic !== backupMagic) throw new Damaged('it does not start like a Gastvrij backup');
    const parsed = backupHeaderSchema.safeParse(parseJson(Buffer.from(await reader.readLine(maxHeaderLength, 'the header'), 'utf8'), 'the header'));
    if (!parsed.success)
      throw new Damaged(`the header is not a Gastvrij backup header (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message})`);
    const header = parsed.data;
    if (header.formatVersion > backupFormatVersion) {
      throw new BackupError(
        `The backup file ${file} has format ${header.formatVersion}, made by Gastvrij ${header.gastvrijVersion}; this Gastvrij reads format ${backupFormatVersion}. Restore it with Gastvrij ${header.gastvrijVersion} or newer.`,
      );
    }
    await visitor.header?.(header);

    const readFrame = async () => {
      const head = await reader.read(5, 'a frame');
      const length = head.readUInt32BE(1);
      if (length > maxFrameLength) throw new Damaged(`a frame claims ${length} bytes`);
      return { type: head.readUInt8(0), payload: await reader.read(length, 'a frame') };
    };

    for (const table of header.tables) {
      const label = `${table.schema}.${table.name}`;
      const start = await readFrame();
      const named = start.type === frameType.table ? (parseJson(start.payload, 'a table frame') as { schema?: string; name?: string }) : null;
      if (!named || named.schema !== table.schema || named.name !== table.name) throw new Damaged(`the data of ${label} is missing or out of order`);
      await visitor.tableStart?.(table);
      let rows = 0;
      for (;;) {
        const frame = await readFrame();
        if (frame.type === frameType.data) {
          rows += countNewlines(frame.payload);
          await visitor.data?.(table, frame.payload);
          continue;
        }
        if (frame.type !== frameType.end) throw new Damaged(`unexpected frame in the data of ${label}`);
        const end = parseJson(frame.payload, 'a table end frame') as { rows?: number };
        if (end.rows !== rows || rows !== table.rows) throw new Damaged(`${label} holds ${rows} rows, the header says ${table.rows}`);
        break;
      }
      await visitor.tableEnd?.(table, rows);
    }
    const finish = await readFrame();
    if (finish.type !== frameType.finish) throw new Damaged('it holds more tables than its header lists');
    if (!(await reader.atEnd())) throw new Damaged('there are bytes after the end of the backup');
    // The gzip checksum is checked when the stream ends: wait for that verdict too.
    if (!gunzip.readableEnded) await once(gunzip, 'end');
    if (streamError) throw streamError;
    return header;
  } catch (error) {
    gunzip.destroy();
    const e = (error instanceof Damaged && streamError ? streamError : error) as NodeJS.ErrnoException;
    if (e.code === 'ENOENT' || e.code === 'EACCES' || e.code === 'EISDIR')
      throw new BackupError(`Cannot read the backup file ${file} (${e.code}). Check the path.`, { cause: e });
    if (e instanceof Damaged) throw new BackupError(`The backup file ${file} is damaged or incomplete: ${e.message}. Use another backup.`, { cause: e });
    if (typeof e.code === 'string' && e.code.startsWith('Z_')) {
      throw new BackupError(`The backup file ${file} is damaged or incomplete: ${describeZlibError(e)}. Use another backup.`, { cause: e });
    }
    throw error;
  }
};
