import type pg from 'pg';
import { loadOrder } from './load-order.rules.ts';

/**
 * Schemas a backup leaves out. pg-boss owns and migrates its schema itself, keeps each queue's jobs
 * in a partition that `createQueue` makes, and its rows only point at the truth kept in the
 * application's own tables (a mail job carries the id of its `mail_outbox` row). Copying those rows
 * would tie a backup to one pg-boss version and partition layout; restore re-enqueues the work instead.
 */
export const excludedSchemas = [
  { schema: 'pgboss', reason: 'the job queue is rebuilt on start; unsent mail (mail_outbox) is queued again by restore' },
] as const;

/** SQL condition on a pg_namespace `n`: not a system schema. */
export const notSystemSchema = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'`;

/** SQL condition: the object (of the given catalog) does not belong to an extension, whose own CREATE EXTENSION recreates it. */
export const notInExtension = (catalog: 'pg_class' | 'pg_proc' | 'pg_type', oid: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '${catalog}'::regclass AND d.objid = ${oid} AND d.deptype = 'e')`;

const userObjects = `${notSystemSchema} AND ${notInExtension('pg_class', 'c.oid')}`;

/** A table as a backup sees it. `partitioned` tables are read through a query; their partitions are not listed. */
export type TableInfo = { schema: string; name: string; columns: string[]; partitioned: boolean };

export const qualified = (client: pg.ClientBase, schema: string, name: string) => `${client.escapeIdentifier(schema)}.${client.escapeIdentifier(name)}`;

/** Session settings that make COPY's text output mean the same when read back, whatever the server's defaults. */
export const setPortableSession = async (client: pg.ClientBase) => {
  for (const setting of [
    "client_encoding = 'UTF8'",
    "DateStyle = 'ISO, YMD'",
    "TimeZone = 'UTC'",
    "IntervalStyle = 'postgres'",
    'extra_float_digits = 3',
    "bytea_output = 'hex'",
    'client_min_messages = warning',
  ]) {
    await client.query(`SET ${setting}`);
  }
};

/** Every table of the user schemas except the excluded ones, in foreign-key load order, with the columns COPY can write. */
export const listTables = async (client: pg.ClientBase): Promise<TableInfo[]> => {
  const excluded = excludedSchemas.map((e) => e.schema);
  const { rows: tables } = await client.query<{ oid: string; schema: string; name: string; kind: string }>(
    `SELECT c.oid::text AS oid, n.nspname AS schema, c.relname AS name, c.relkind AS kind
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname <> ALL($1::text[]) AND ${userObjects}`,
    [excluded],
  );
  const oids = tables.map((t) => t.oid);
  // Generated columns are computed again on insert; COPY refuses them in a column list.
  const { rows: columns } = await client.query<{ oid: string; name: string }>(
    `SELECT attrelid::text AS oid, attname AS name FROM pg_attribute
      WHERE attrelid = ANY($1::oid[]) AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
      ORDER BY attrelid, attnum`,
    [oids],
  );
  const { rows: references } = await client.query<{ from: string; to: string }>(
    `SELECT conrelid::text AS "from", confrelid::text AS "to" FROM pg_constraint WHERE contype = 'f' AND conrelid = ANY($1::oid[])`,
    [oids],
  );
  const byOid = new Map(tables.map((t) => [t.oid, t]));
  const key = (oid: string) => {
    const t = byOid.get(oid);
    return t ? `${t.schema}.${t.name}` : oid;
  };
  const order = loadOrder(
    tables.map((t) => key(t.oid)),
    references.map((r) => [key(r.from), key(r.to)] as const),
  );
  const info = new Map(
    tables.map((t) => [
      key(t.oid),
      { schema: t.schema, name: t.name, partitioned: t.kind === 'p', columns: columns.filter((c) => c.oid === t.oid).map((c) => c.name) },
    ]),
  );
  return order.map((k) => info.get(k) as TableInfo);
};

/** Sequences of the user schemas with their position, so ids continue where they were. */
export const readSequences = async (client: pg.ClientBase) => {
  const excluded = excludedSchemas.map((e) => e.schema);
  const { rows } = await client.query<{ schema: string; name: string }>(
    `SELECT n.nspname AS schema, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'S' AND n.nspname <> ALL($1::text[]) AND ${userObjects} ORDER BY 1, 2`,
    [excluded],
  );
  const sequences: { schema: string; name: string; lastValue: string; isCalled: boolean }[] = [];
  for (const s of rows) {
    const { rows: state } = await client.query<{ last_value: string; is_called: boolean }>(
      `SELECT last_value::text AS last_value, is_called FROM ${qualified(client, s.schema, s.name)}`,
    );
    sequences.push({ ...s, lastValue: state[0]?.last_value ?? '1', isCalled: state[0]?.is_called ?? false });
  }
  return sequences;
};

/** Tables, views and sequences outside the system schemas: a database with any of these is not empty. */
export const listUserRelations = async (client: pg.ClientBase): Promise<string[]> => {
  const { rows } = await client.query<{ name: string }>(
    `SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND ${userObjects} ORDER BY 1`,
  );
  return rows.map((r) => r.name);
};
