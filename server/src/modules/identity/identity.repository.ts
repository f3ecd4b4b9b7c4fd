import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import type { RoleGrant, StaffRole, Surface } from '../../../../shared/src/identity/access.ts';
import type { Language } from '../../../../shared/src/platform/language.ts';
import type { DB, LoginTransactions } from '../../platform/db/types.ts';

type Executor = Kysely<DB> | Transaction<DB>;

/** A staff member with their roles, as the directory holds them. */
export type StaffMember = {
  id: string;
  oidcSubject: string | null;
  email: string;
  displayName: string;
  organisation: string;
  active: boolean;
  preferredLanguage: Language;
  roles: RoleGrant[];
};

export type ResidentAccount = {
  id: string;
  registerPersonId: string | null;
  email: string | null;
  phone: string | null;
  preferredLanguage: Language;
  contactChannels: ('email' | 'sms' | 'post')[];
};

export type SessionRow = {
  kind: 'resident' | 'staff';
  surface: Surface;
  residentAccountId: string | null;
  staffId: string | null;
  assurance: 'low' | 'substantial' | 'high';
  csrfToken: string;
  idp: string | null;
  idToken: string | null;
  /** The resident's name at login (null for staff: their name comes from the directory). */
  actorName: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  idleTimeoutSeconds: number;
  absoluteExpiresAt: Date;
};

const toResidentAccount = (row: {
  id: string;
  register_person_id: string | null;
  email: string | null;
  phone: string | null;
  preferred_language: string;
  contact_channels: string[];
}): ResidentAccount => ({
  id: row.id,
  registerPersonId: row.register_person_id,
  email: row.email,
  phone: row.phone,
  preferredLanguage: row.preferred_language as Language,
  contactChannels: row.contact_channels as ResidentAccount['contactChannels'],
});

/** SQL of the identity module: sessions, login transactions, e-mail links, the staff directory and resident accounts. */
export const createIdentityRepository = (db: Executor) => ({
  // Sessions
  async insertSession(tokenHash: Buffer, row: SessionRow): Promise<void> {
    await db
      .insertInto('sessions')
      .values({
        token_hash: tokenHash,
        kind: row.kind,
        surface: row.surface,
        resident_account_id: row.residentAccountId,
        staff_id: row.staffId,
        assurance: row.assurance,
        csrf_token: row.csrfToken,
        idp: row.idp,
        id_token: row.idToken,
        actor_name: row.actorName,
        created_at: row.createdAt,
        last_seen_at: row.lastSeenAt,
        idle_timeout_seconds: row.idleTimeoutSeconds,
        absolute_expires_at: row.absoluteExpiresAt,
      })
      .execute();
  },

  async findSession(tokenHash: Buffer): Promise<SessionRow | null> {
    const row = await db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    if (!row) return null;
    return {
      kind: row.kind as SessionRow['kind'],
      surface: row.surface as Surface,
      residentAccountId: row.resident_account_id,
      staffId: row.staff_id,
      assurance: row.assurance as SessionRow['assurance'],
      csrfToken: row.csrf_token,
      idp: row.idp,
      idToken: row.id_token,
      actorName: row.actor_name,
      createdAt: row.created_at,
      lastSeenAt: row.last_seen_at,
      idleTimeoutSeconds: row.idle_timeout_seconds,
      absoluteExpiresAt: row.absolute_expires_at,
    };
  },

  /**
   * A session with who it belongs to (the resident account, or the staff member and their roles), in
   * one round trip: this runs on every request that needs a session.
   */
  async findSessionWithOwner(tokenHash: Buffer) {
    const row = await db
      .selectFrom('sessions as s')
      .leftJoin('resident_accounts as a', 'a.id', 's.resident_account_id')
      .leftJoin('staff_members as m', 'm.id', 's.staff_id')
      .selectAll('s')
      .select([
        'a.register_person_id as account_person_id',
        'a.email as account_email',
        'a.id as account_id',
        'm.id as member_id',
        'm.display_name as member_name',
        'm.email as member_email',
        'm.organisation as member_organisation',
        'm.active as member_active',
        sql<
          { role: string; team: string }[]
        >`coalesce((SELECT json_agg(json_build_object('role', r.role, 'team', r.team) ORDER BY r.role, r.team) FROM staff_roles r WHERE r.staff_id = s.staff_id), '[]'::json)`.as(
          'member_roles',
        ),
      ])
      .where('s.token_hash', '=', tokenHash)
      .executeTakeFirst();
    if (!row) return null;
    const session: SessionRow = {
      kind: row.kind as SessionRow['kind'],
      surface: row.surface as Surface,
      residentAccountId: row.resident_account_id,
      staffId: row.staff_id,
      assurance: row.assurance as SessionRow['assurance'],
      csrfToken: row.csrf_token,
      idp: row.idp,
      idToken: row.id_token,
      actorName: row.actor_name,
      createdAt: row.created_at,
      lastSeenAt: row.last_seen_at,
      idleTimeoutSeconds: row.idle_timeout_seconds,
      absoluteExpiresAt: row.absolute_expires_at,
    };
    return {
      session,
      account: row.account_id ? { id: row.account_id, registerPersonId: row.account_person_id, email: row.account_email } : null,
      member:
        row.member_id && row.member_name && row.member_email && row.member_organisation
          ? {
              id: row.member_id,
              displayName: row.member_name,
              email: row.member_email,
              organisation: row.member_organisation,
              active: row.member_active === true,
              roles: row.member_roles.map((r) => (r.team ? { role: r.role as StaffRole, team: r.team } : { role: r.role as StaffRole })),
            }
          : null,
    };
  },

  async touchSession(tokenHash: Buffer, at: Date): Promise<void> {
    await db.updateTable('sessions').set({ last_seen_at: at }).where('token_hash', '=', tokenHash).execute();
  },

  async deleteSession(tokenHash: Buffer): Promise<SessionRow | null> {
    const found = await this.findSession(tokenHash);
    await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    return found;
  },

  /** Sessions, login transactions, e-mail links and attempts that can no longer be used or counted. */
  async deleteExpired(now: Date): Promise<void> {
    await this.deleteExpiredSessions(now);
    await db.deleteFrom('login_transactions').where('expires_at', '<', now).execute();
    await db
      .deleteFrom('email_login_tokens')
      .where('expires_at', '<', new Date(now.getTime() - 24 * 60 * 60 * 1000))
      .execute();
    await db
      .deleteFrom('email_login_attempts')
      .where('at', '<', new Date(now.getTime() - 2 * 60 * 60 * 1000))
      .execute();
  },

  async deleteExpiredSessions(now: Date): Promise<number> {
    const result = await db
      .deleteFrom('sessions')
      .where((eb) =>
        eb.or([eb('absolute_expires_at', '<=', now), eb('last_seen_at', '<=', sql<Date>`${now}::timestamptz - make_interval(secs => idle_timeout_seconds)`)]),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },

  // Login transactions (OpenID Connect state, nonce, PKCE)
  async insertLoginTransaction(row: Insertable<LoginTransactions>): Promise<void> {
    await db.insertInto('login_transactions').values(row).execute();
  },

  /** Takes the transaction out: a second answer with the same state finds nothing. */
  async takeLoginTransaction(stateHash: Buffer) {
    return db.deleteFrom('login_transactions').where('state_hash', '=', stateHash).returningAll().executeTakeFirst();
  },

  // E-mail login
  async insertEmailToken(row: { tokenHash: Buffer; email: string; returnTo: string; language: Language; createdAt: Date; expiresAt: Date }) {
    await db
      .insertInto('email_login_tokens')
      .values({
        token_hash: row.tokenHash,
        email: row.email,
        return_to: row.returnTo,
        language: row.language,
        created_at: row.createdAt,
        expires_at: row.expiresAt,
      })
      .execute();
  },

  /** Marks the token used and returns it, once; null when unknown or already used. */
  async useEmailToken(tokenHash: Buffer, at: Date) {
    return db
      .updateTable('email_login_tokens')
      .set({ used_at: at })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .returning(['email', 'return_to', 'language', 'expires_at'])
      .executeTakeFirst();
  },

  async recordEmailAttempt(email: string, ip: string, at: Date): Promise<void> {
    await db.insertInto('email_login_attempts').values({ email: email.toLowerCase(), ip, at }).execute();
  },

  async countEmailAttempts(since: Date, by: { email?: string; ip?: string }): Promise<number> {
    let q = db.selectFrom('email_login_attempts').select(sql<number>`count(*)::int`.as('n')).where('at', '>=', since);
    if (by.email) q = q.where(sql`lower(email)`, '=', by.email.toLowerCase());
    if (by.ip) q = q.where('ip', '=', by.ip);
    return (await q.executeTakeFirstOrThrow()).n;
  },

  // Staff directory
  async listStaff(): Promise<StaffMember[]> {
    const members = await db.selectFrom('staff_members').selectAll().orderBy('display_name').execute();
    const roles = await db.selectFrom('staff_roles').selectAll().execute();
    return members.map((m) => ({
      id: m.id,
      oidcSubject: m.oidc_subject,
      email: m.email,
      displayName: m.display_name,
      organisation: m.organisation,
      active: m.active,
      preferredLanguage: m.preferred_language as Language,
      roles: roles
        .filter((r) => r.staff_id === m.id)
        .map((r) => (r.team ? { role: r.role as StaffRole, team: r.team } : { role: r.role as StaffRole }))
        .sort((a, b) => `${a.role}:${a.team ?? ''}`.localeCompare(`${b.role}:${b.team ?? ''}`)),
    }));
  },

  async findStaff(by: { id?: string; subject?: string; email?: string }): Promise<StaffMember | null> {
    let q = db.selectFrom('staff_members').selectAll();
    if (by.id) q = q.where('id', '=', by.id);
    else if (by.subject) q = q.where('oidc_subject', '=', by.subject);
    else if (by.email) q = q.where(sql`lower(email)`, '=', by.email.toLowerCase());
    else return null;
    const m = await q.executeTakeFirst();
    if (!m) return null;
    const roles = await db.selectFrom('staff_roles').selectAll().where('staff_id', '=', m.id).orderBy('role').orderBy('team').execute();
    return {
      id: m.id,
      oidcSubject: m.oidc_subject,
      email: m.email,
      displayName: m.display_name,
      organisation: m.organisation,
      active: m.active,
      preferredLanguage: m.preferred_language as Language,
      roles: roles.map((r) => (r.team ? { role: r.role as StaffRole, team: r.team } : { role: r.role as StaffRole })),
    };
  },

  async linkStaffSubject(id: string, subject: string): Promise<void> {
    await db.updateTable('staff_members').set({ oidc_subject: subject, updated_at: new Date() }).where('id', '=', id).execute();
  },

  async upsertStaff(member: { email: string; displayName: string; organisation: string; active: boolean; preferredLanguage: Language }, id?: string) {
    if (id) {
      const row = await db
        .updateTable('staff_members')
        .set({
          email: member.email,
          display_name: member.displayName,
          organisation: member.organisation,
          active: member.active,
          preferred_language: member.preferredLanguage,
          updated_at: new Date(),
        })
        .where('id', '=', id)
        .returning('id')
        .executeTakeFirst();
      return row?.id ?? null;
    }
    const row = await db
      .insertInto('staff_members')
      .values({
        email: member.email,
        display_name: member.displayName,
        organisation: member.organisation,
        active: member.active,
        preferred_language: member.preferredLanguage,
      })
      .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id ?? null;
  },

  async replaceStaffRoles(id: string, roles: RoleGrant[]): Promise<void> {
    await db.deleteFrom('staff_roles').where('staff_id', '=', id).execute();
    if (roles.length > 0) {
      await db
        .insertInto('staff_roles')
        .values(roles.map((r) => ({ staff_id: id, role: r.role, team: r.team ?? '' })))
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  },

  // Resident accounts
  async findResidentAccount(by: { id?: string; personId?: string; email?: string }): Promise<ResidentAccount | null> {
    let q = db.selectFrom('resident_accounts').selectAll();
    if (by.id) q = q.where('id', '=', by.id);
    else if (by.personId) q = q.where('register_person_id', '=', by.personId);
    else if (by.email) q = q.where(sql`lower(email)`, '=', by.email.toLowerCase()).where('register_person_id', 'is', null);
    else return null;
    const row = await q.executeTakeFirst();
    return row ? toResidentAccount(row) : null;
  },

  async insertResidentAccount(row: { registerPersonId: string | null; email: string | null; preferredLanguage: Language }): Promise<ResidentAccount> {
    const inserted = await db
      .insertInto('resident_accounts')
      .values({ register_person_id: row.registerPersonId, email: row.email, preferred_language: row.preferredLanguage })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toResidentAccount(inserted);
  },

  async updateResidentPreferences(
    id: string,
    prefs: { preferredLanguage: Language; contactChannels: ResidentAccount['contactChannels']; email: string | null; phone: string | null },
  ): Promise<ResidentAccount> {
    const row = await db
      .updateTable('resident_accounts')
      .set({
        preferred_language: prefs.preferredLanguage,
        contact_channels: prefs.contactChannels,
        email: prefs.email,
        phone: prefs.phone,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return toResidentAccount(row);
  },
});

export type IdentityRepository = ReturnType<typeof createIdentityRepository>;
