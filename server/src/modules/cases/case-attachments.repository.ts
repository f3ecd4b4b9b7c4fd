import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { CaseAttachments, DB } from '../../platform/db/types.ts';

type Executor = Kysely<DB> | Transaction<DB>;

/** An upload or attachment without its bytes: what every read except the download needs. */
export type AttachmentInfo = Omit<Selectable<CaseAttachments>, 'bytes'>;
export type NewAttachmentRow = Insertable<CaseAttachments>;

/** Who uploaded a file, as the table records it. */
export type Uploader = { kind: 'resident'; accountId: string } | { kind: 'staff'; staffId: string } | { kind: 'anonymous'; scopeHash: Buffer };

const infoColumns = [
  'id',
  'case_id',
  'attached_at',
  'visibility',
  'form_field',
  'file_name',
  'media_type',
  'size_bytes',
  'sha256',
  'uploaded_by_kind',
  'uploaded_by_account_id',
  'uploaded_by_staff_id',
  'uploaded_by_scope_hash',
  'created_at',
] as const;

/** The columns that say who uploaded a file. */
export const uploaderColumns = (uploader: Uploader) => ({
  uploaded_by_kind: uploader.kind,
  uploaded_by_account_id: uploader.kind === 'resident' ? uploader.accountId : null,
  uploaded_by_staff_id: uploader.kind === 'staff' ? uploader.staffId : null,
  uploaded_by_scope_hash: uploader.kind === 'anonymous' ? uploader.scopeHash : null,
});

/** Whether this row was uploaded by this uploader. */
export const uploadedBy = (row: AttachmentInfo, uploader: Uploader): boolean => {
  if (row.uploaded_by_kind !== uploader.kind) return false;
  if (uploader.kind === 'resident') return row.uploaded_by_account_id === uploader.accountId;
  if (uploader.kind === 'staff') return row.uploaded_by_staff_id === uploader.staffId;
  return row.uploaded_by_scope_hash?.equals(uploader.scopeHash) === true;
};

/** SQL of case attachments: the `case_attachments` table. */
export const createCaseAttachmentsRepository = (db: Executor) => ({
  async insert(row: NewAttachmentRow): Promise<AttachmentInfo> {
    return db.insertInto('case_attachments').values(row).returning(infoColumns).executeTakeFirstOrThrow();
  },

  async findById(id: string): Promise<AttachmentInfo | undefined> {
    return db.selectFrom('case_attachments').select(infoColumns).where('id', '=', id).executeTakeFirst();
  },

  async findByIds(ids: readonly string[]): Promise<AttachmentInfo[]> {
    if (ids.length === 0) return [];
    return db
      .selectFrom('case_attachments')
      .select(infoColumns)
      .where('id', 'in', [...ids])
      .execute();
  },

  /**
   * Attaches uploads to a case, each only if it is still unattached: returns the ids that were
   * attached, so a caller that raced another submission for the same upload sees it missing.
   */
  async attach(uploads: readonly { id: string; formField: string | null }[], to: { caseId: string; visibility: 'resident' | 'internal'; at: Date }) {
    const attached: string[] = [];
    for (const upload of uploads) {
      const row = await db
        .updateTable('case_attachments')
        .set({ case_id: to.caseId, attached_at: to.at, visibility: to.visibility, form_field: upload.formField })
        .where('id', '=', upload.id)
        .where('case_id', 'is', null)
        .returning('id')
        .executeTakeFirst();
      if (row) attached.push(row.id);
    }
    return attached;
  },

  /** The files of a case, oldest first; `residentOnly` leaves out internal ones. */
  async listForCase(caseId: string, options: { residentOnly: boolean }): Promise<AttachmentInfo[]> {
    let query = db.selectFrom('case_attachments').select(infoColumns).where('case_id', '=', caseId);
    if (options.residentOnly) query = query.where('visibility', '=', 'resident');
    return query.orderBy('attached_at').orderBy('created_at').orderBy('id').execute();
  },

  async bytesOf(id: string): Promise<Buffer | undefined> {
    const row = await db.selectFrom('case_attachments').select('bytes').where('id', '=', id).executeTakeFirst();
    return row?.bytes;
  },

  /** Removes uploads nobody attached since `before` (abandoned forms); returns how many. */
  async deleteUnattachedBefore(before: Date): Promise<number> {
    const result = await db.deleteFrom('case_attachments').where('case_id', 'is', null).where('created_at', '<', before).executeTakeFirst();
    return Number(result.numDeletedRows);
  },
});

export type CaseAttachmentsRepository = ReturnType<typeof createCaseAttachmentsRepository>;
