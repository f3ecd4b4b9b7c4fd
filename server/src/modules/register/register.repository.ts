import { type Insertable, type Selectable, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { DB, RegisterAddresses, RegisterAddressHistory, RegisterHouseholds, RegisterPersons } from '../../platform/db/types.ts';

export type PersonRow = Selectable<RegisterPersons>;
export type AddressRow = Selectable<RegisterAddresses>;

type AddressColumns = Pick<AddressRow, 'id' | 'street' | 'house_number' | 'box' | 'postcode' | 'municipality' | 'sub_municipality' | 'nis_code'>;
/** The household part of findPersonFile (JSON). */
export type PersonFileHousehold = AddressColumns & { household_id: string; reference: string };
/** A member in findPersonFile: the row as JSON, its bytea columns as \\x-hex text. */
export type PersonFileMember = Omit<PersonRow, 'national_number_hash' | 'national_number_encrypted'> & {
  national_number_hash: string;
  national_number_encrypted: string;
};
/** An address period in findPersonFile (JSON). */
export type PersonFileAddressPeriod = AddressColumns & { valid_from: string; valid_to: string | null };

const addressColumns = [
  'register_addresses.id',
  'register_addresses.street',
  'register_addresses.house_number',
  'register_addresses.box',
  'register_addresses.postcode',
  'register_addresses.municipality',
  'register_addresses.sub_municipality',
  'register_addresses.nis_code',
] as const;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&');

// Bulk inserts send one array per column and unnest them: a handful of bind parameters per statement
// instead of one per value, which makes seeding tens of thousands of rows several times faster.
const BULK_ROWS = 5_000;
const bulkInsert = async <T>(db: Db, table: keyof DB & string, columns: readonly (readonly [keyof T & string, string])[], rows: readonly T[]) => {
  for (let i = 0; i < rows.length; i += BULK_ROWS) {
    const batch = rows.slice(i, i + BULK_ROWS);
    const arrays = columns.map(([column, type]) => sql`${batch.map((row) => row[column] ?? null)}::${sql.raw(type)}[]`);
    await sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map(([column]) => sql.ref(column)))}) SELECT * FROM unnest(${sql.join(arrays)})`.execute(db);
  }
};

/** SQL of the local population register; works on a Db or a transaction. */
export const createRegisterRepository = (db: Db) => ({
  findPersonByHash: (hash: Buffer) => db.selectFrom('register_persons').selectAll().where('national_number_hash', '=', hash).executeTakeFirst(),

  findPersonById: (id: string) => db.selectFrom('register_persons').selectAll().where('id', '=', id).executeTakeFirst(),

  /** The household a person belongs to, with its address, found from the person in one query. */
  findHouseholdOfPerson: (personId: string) =>
    db
      .selectFrom('register_persons')
      .innerJoin('register_households', 'register_households.id', 'register_persons.household_id')
      .innerJoin('register_addresses', 'register_addresses.id', 'register_households.address_id')
      .select(['register_households.id as household_id', 'register_households.reference', ...addressColumns])
      .where('register_persons.id', '=', personId)
      .executeTakeFirst(),

  /** Living members of the person's household born after `bornAfter` (YYYY-MM-DD), the person excluded. */
  listYoungerHouseholdMembers: (personId: string, bornAfter: string) =>
    db
      .selectFrom('register_persons as p')
      .innerJoin('register_persons as m', 'm.household_id', 'p.household_id')
      .select('m.id')
      .where('p.id', '=', personId)
      .where('m.id', '<>', personId)
      .where('m.birth_date', '>', bornAfter)
      .where('m.date_of_death', 'is', null)
      .execute(),

  /**
   * A person with their household (and its address), its members and the person's address
   * history, in one query: the subqueries answer JSON (bytea as \\x-hex text, dates as YYYY-MM-DD).
   */
  findPersonFile: (personId: string) =>
    db
      .selectFrom('register_persons as p')
      .selectAll('p')
      .select([
        sql<PersonFileHousehold | null>`(
          SELECT json_build_object('household_id', h.id, 'reference', h.reference, 'id', a.id, 'street', a.street, 'house_number', a.house_number,
            'box', a.box, 'postcode', a.postcode, 'municipality', a.municipality, 'sub_municipality', a.sub_municipality, 'nis_code', a.nis_code)
          FROM register_households h JOIN register_addresses a ON a.id = h.address_id WHERE h.id = p.household_id)`.as('household_json'),
        sql<PersonFileMember[]>`(
          SELECT coalesce(json_agg(to_jsonb(m) ORDER BY array_position(array['reference-person', 'partner', 'child', 'other'], m.household_role), m.birth_date, m.id), '[]')
          FROM register_persons m WHERE m.household_id = p.household_id)`.as('members_json'),
        sql<PersonFileAddressPeriod[]>`(
          SELECT coalesce(json_agg(json_build_object('valid_from', ah.valid_from, 'valid_to', ah.valid_to, 'id', a.id, 'street', a.street,
            'house_number', a.house_number, 'box', a.box, 'postcode', a.postcode, 'municipality', a.municipality,
            'sub_municipality', a.sub_municipality, 'nis_code', a.nis_code) ORDER BY ah.valid_from DESC), '[]')
          FROM register_address_history ah JOIN register_addresses a ON a.id = ah.address_id WHERE ah.person_id = p.id)`.as('history_json'),
      ])
      .where('p.id', '=', personId)
      .executeTakeFirst(),

  /** Streets of one municipality whose name or one of its words starts with the prefix; whole-name matches first. */
  searchStreets: (nisCode: string, prefix: string, limit: number) => {
    const start = `${escapeLike(prefix.toLowerCase())}%`;
    return db
      .selectFrom('register_addresses')
      .select(['street', 'postcode', 'sub_municipality', 'municipality', 'nis_code'])
      .where('nis_code', '=', nisCode)
      .where((eb) => eb.or([eb(sql`lower(street)`, 'like', start), eb(sql`lower(street)`, 'like', `% ${start}`), eb(sql`lower(street)`, 'like', `%-${start}`)]))
      .groupBy(['street', 'postcode', 'sub_municipality', 'municipality', 'nis_code'])
      .orderBy(sql`lower(street) like ${start}`, 'desc')
      .orderBy('street')
      .orderBy('sub_municipality')
      .limit(limit)
      .execute();
  },

  hasPersons: async () => (await db.selectFrom('register_persons').select('id').limit(1).executeTakeFirst()) !== undefined,

  insertAddresses: (rows: readonly Insertable<RegisterAddresses>[]) =>
    bulkInsert(
      db,
      'register_addresses',
      [
        ['id', 'uuid'],
        ['street', 'text'],
        ['house_number', 'text'],
        ['box', 'text'],
        ['postcode', 'text'],
        ['municipality', 'text'],
        ['sub_municipality', 'text'],
        ['nis_code', 'text'],
      ],
      rows,
    ),
  insertHouseholds: (rows: readonly Insertable<RegisterHouseholds>[]) =>
    bulkInsert(
      db,
      'register_households',
      [
        ['id', 'uuid'],
        ['reference', 'text'],
        ['address_id', 'uuid'],
      ],
      rows,
    ),
  insertPersons: (rows: readonly Insertable<RegisterPersons>[]) =>
    bulkInsert(
      db,
      'register_persons',
      [
        ['id', 'uuid'],
        ['national_number_hash', 'bytea'],
        ['national_number_encrypted', 'bytea'],
        ['given_name', 'text'],
        ['family_name', 'text'],
        ['birth_date', 'date'],
        ['sex', 'text'],
        ['nationality', 'text'],
        ['preferred_language', 'text'],
        ['household_id', 'uuid'],
        ['household_role', 'text'],
        ['date_of_death', 'date'],
      ],
      rows,
    ),
  insertAddressHistory: (rows: readonly Insertable<RegisterAddressHistory>[]) =>
    bulkInsert(
      db,
      'register_address_history',
      [
        ['person_id', 'uuid'],
        ['address_id', 'uuid'],
        ['valid_from', 'date'],
        ['valid_to', 'date'],
      ],
      rows,
    ),
});

export type RegisterRepository = ReturnType<typeof createRegisterRepository>;
