import { type Kysely, sql, type Transaction } from 'kysely';
import type { Actor } from '../../../../shared/src/identity/access.ts';
import type { DB } from '../db/types.ts';

type Executor = Kysely<DB> | Transaction<DB>;

/** Who did it: a person with a session, or the system itself (a job, an automated step). */
export type AuditActor = Actor | { kind: 'system'; name: string };

/** One thing that happened, written in the same transaction as the change it records. */
export type AuditEntry = {
  /** `<module>.<what>` or `<module>.<what>.<detail>`, e.g. `register.person.read`, `identity.login`. */
  action: string;
  /** The register person whose data was read or changed, if any: residents see these rows. */
  subjectPersonId?: string | null;
  resourceType?: string;
  resourceId?: string;
  /** Why a person's file was read; required by policy for staff reads (the caller asks for it). */
  purpose?: string;
  /** The team the staff member acted for; defaults to their first team. */
  team?: string | null;
  requestId?: string;
  details?: Record<string, unknown>;
};

/** A row of the audit log as staff with `audit:search` see it. */
export type AuditRecord = {
  id: number;
  at: Date;
  actorKind: string;
  actorId: string | null;
  actorName: string | null;
  actorRoles: string[];
  organisation: string | null;
  team: string | null;
  action: string;
  subjectPersonId: string | null;
  resourceType: string | null;
  resourceId: string | null;
  purpose: string | null;
  requestId: string | null;
  details: unknown;
};

export type AuditSearch = {
  subjectPersonId?: string;
  actorId?: string;
  action?: string;
  from?: Date;
  to?: Date;
  limit: number;
  /** Keyset paging: rows with a smaller id. */
  before?: number;
};

const roleLabels = (actor: AuditActor): string[] =>
  actor.kind === 'staff' ? actor.roles.map((grant) => (grant.team ? `${grant.role}:${grant.team}` : grant.role)) : [];

const firstTeam = (actor: AuditActor): string | null => (actor.kind === 'staff' ? (actor.roles.find((grant) => grant.team)?.team ?? null) : null);

const auditRow = (actor: AuditActor, entry: AuditEntry) => ({
  actor_kind: actor.kind,
  actor_id: actor.kind === 'staff' ? actor.staffId : actor.kind === 'resident' ? actor.accountId : null,
  actor_name: actor.kind === 'staff' || actor.kind === 'resident' || actor.kind === 'system' ? actor.name : null,
  actor_roles: roleLabels(actor),
  organisation: actor.kind === 'staff' ? actor.organisation : null,
  team: entry.team === undefined ? firstTeam(actor) : entry.team,
  action: entry.action,
  subject_person_id: entry.subjectPersonId ?? null,
  resource_type: entry.resourceType ?? null,
  resource_id: entry.resourceId ?? null,
  purpose: entry.purpose ?? null,
  request_id: entry.requestId ?? null,
  details: JSON.stringify(entry.details ?? {}),
});

/**
 * The append-only audit log (table `audit_log`; the database refuses UPDATE, DELETE and TRUNCATE).
 * `record` takes the caller's transaction, so a change and its audit row commit or fail together.
 */
export const createAuditLog = () => ({
  async record(executor: Executor, actor: AuditActor, entry: AuditEntry): Promise<void> {
    await executor.insertInto('audit_log').values(auditRow(actor, entry)).execute();
  },

  /** Several entries of one change in one statement (in the caller's transaction, like `record`). */
  async recordAll(executor: Executor, entries: readonly { actor: AuditActor; entry: AuditEntry }[]): Promise<void> {
    if (entries.length === 0) return;
    await executor
      .insertInto('audit_log')
      .values(entries.map(({ actor, entry }) => auditRow(actor, entry)))
      .execute();
  },

  /** Newest first. */
  async search(executor: Executor, query: AuditSearch): Promise<AuditRecord[]> {
    let q = executor.selectFrom('audit_log').selectAll();
    if (query.subjectPersonId) q = q.where('subject_person_id', '=', query.subjectPersonId);
    if (query.actorId) q = q.where('actor_id', '=', query.actorId);
    if (query.action) q = q.where('action', 'like', `${query.action.replace(/[%_\\]/g, '\\$&')}%`);
    if (query.from) q = q.where('at', '>=', query.from);
    if (query.to) q = q.where('at', '<', query.to);
    if (query.before) q = q.where('id', '<', String(query.before));
    const rows = await q.orderBy('id', 'desc').limit(query.limit).execute();
    return rows.map((r) => ({
      id: Number(r.id),
      at: r.at,
      actorKind: r.actor_kind,
      actorId: r.actor_id,
      actorName: r.actor_name,
      actorRoles: r.actor_roles,
      organisation: r.organisation,
      team: r.team,
      action: r.action,
      subjectPersonId: r.subject_person_id,
      resourceType: r.resource_type,
      resourceId: r.resource_id,
      purpose: r.purpose,
      requestId: r.request_id,
      details: r.details,
    }));
  },

  /** Reads and changes of one person's data by staff and partners, newest first: "who saw my data". */
  async accessesTo(executor: Executor, personId: string, limit = 200) {
    return executor
      .selectFrom('audit_log')
      .select(['at', 'actor_name', 'organisation', 'team', 'action', 'purpose'])
      .where('subject_person_id', '=', personId)
      .where('actor_kind', '=', 'staff')
      .orderBy('at', 'desc')
      .limit(limit)
      .execute();
  },

  /** For tests and health checks: rows so far. */
  async count(executor: Executor): Promise<number> {
    const row = await executor.selectFrom('audit_log').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    return row.n;
  },
});

export type AuditLog = ReturnType<typeof createAuditLog>;
