import type { Kysely, Selectable, Transaction } from 'kysely';
import type { CaseDrafts, DB } from '../../platform/db/types.ts';

type Executor = Kysely<DB> | Transaction<DB>;

export type DraftRow = Selectable<CaseDrafts>;

/** Whose draft: a resident account, or a staff member filling in a form for someone. */
export type DraftOwner = { kind: 'resident' | 'staff'; id: string };

/** SQL of the drafts (table `case_drafts`). */
export const createDraftsRepository = (db: Executor) => ({
  async find(owner: DraftOwner, product: string): Promise<DraftRow | undefined> {
    return db
      .selectFrom('case_drafts')
      .selectAll()
      .where('owner_kind', '=', owner.kind)
      .where('owner_id', '=', owner.id)
      .where('product_slug', '=', product)
      .executeTakeFirst();
  },

  /** Replaces the draft (the answers so far are the whole draft, not a patch). */
  async save(owner: DraftOwner, product: string, answers: Record<string, unknown>, at: Date): Promise<DraftRow> {
    return db
      .insertInto('case_drafts')
      .values({ owner_kind: owner.kind, owner_id: owner.id, product_slug: product, answers: JSON.stringify(answers), created_at: at, updated_at: at })
      .onConflict((oc) => oc.columns(['owner_kind', 'owner_id', 'product_slug']).doUpdateSet((eb) => ({ answers: eb.ref('excluded.answers'), updated_at: at })))
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async delete(owner: DraftOwner, product: string): Promise<boolean> {
    const result = await db
      .deleteFrom('case_drafts')
      .where('owner_kind', '=', owner.kind)
      .where('owner_id', '=', owner.id)
      .where('product_slug', '=', product)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  },

  /** Deletes every draft last saved before `cutoff`; returns how many. */
  async deleteSavedBefore(cutoff: Date): Promise<number> {
    const result = await db.deleteFrom('case_drafts').where('updated_at', '<', cutoff).executeTakeFirst();
    return Number(result.numDeletedRows);
  },
});
