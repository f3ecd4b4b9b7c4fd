import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { DB, Documents } from '../../platform/db/types.ts';

type Executor = Kysely<DB> | Transaction<DB>;

export type NewDocumentRow = Insertable<Documents>;
/** A document without its bytes: what every read except the download needs. */
export type DocumentInfo = Omit<Selectable<Documents>, 'bytes'>;

const infoColumns = [
  'id',
  'case_id',
  'kind',
  'language',
  'title',
  'file_name',
  'verification_code',
  'sha256',
  'issued_at',
  'subject_person_id',
  'printed_facts',
  'revoked_at',
] as const;

/** SQL of the documents module: the `documents` table. */
export const createDocumentsRepository = (db: Executor) => ({
  /**
   * Stores a document, or nothing when the case already has a valid document of this kind (a
   * concurrent run got there first; the insert waits for it): undefined means "read that one".
   */
  async insert(row: NewDocumentRow): Promise<DocumentInfo | undefined> {
    return db
      .insertInto('documents')
      .values(row)
      .onConflict((oc) => oc.columns(['case_id', 'kind']).where('case_id', 'is not', null).where('revoked_at', 'is', null).doNothing())
      .returning(infoColumns)
      .executeTakeFirst();
  },

  /** The valid (not revoked) document of this kind for a case. */
  async findValidForCase(caseId: string, kind: string): Promise<DocumentInfo | undefined> {
    return db
      .selectFrom('documents')
      .select(infoColumns)
      .where('case_id', '=', caseId)
      .where('kind', '=', kind)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
  },

  async findByCode(code: string): Promise<DocumentInfo | undefined> {
    return db.selectFrom('documents').select(infoColumns).where('verification_code', '=', code).executeTakeFirst();
  },

  async findById(id: string): Promise<DocumentInfo | undefined> {
    return db.selectFrom('documents').select(infoColumns).where('id', '=', id).executeTakeFirst();
  },

  /** The PDF as issued. */
  async bytesOf(id: string): Promise<Buffer | undefined> {
    const row = await db.selectFrom('documents').select('bytes').where('id', '=', id).executeTakeFirst();
    return row?.bytes;
  },
});

export type DocumentsRepository = ReturnType<typeof createDocumentsRepository>;
