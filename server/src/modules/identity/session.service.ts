import { createHash, randomBytes } from 'node:crypto';
import { parseCookie, stringifySetCookie } from 'cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, Assurance, Surface } from '../../../../shared/src/identity/access.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import type { ResolvedSession } from '../../platform/http/access.ts';
import type { PopulationRegister } from '../register/index.ts';
import { createIdentityRepository, type SessionRow } from './identity.repository.ts';
import { needsTouch, sessionPolicy, sessionState } from './session.rules.ts';

/** The session cookie. `__Host-` would be stronger but needs Secure, which http://localhost lacks. */
export const sessionCookie = 'gv_session';

/** SHA-256 of a random token: what the database keeps instead of the token. */
export const hashToken = (token: string): Buffer => createHash('sha256').update(token).digest();

/** 32 random bytes, URL-safe. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Cookies are Secure everywhere except on a plain-http localhost (development and tests). */
export const cookieIsSecure = (publicUrl: string): boolean => {
  const url = new URL(publicUrl);
  return !(url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname));
};

export const readCookie = (request: FastifyRequest, name: string): string | undefined => {
  const header = request.headers.cookie;
  if (!header) return undefined;
  return parseCookie(header)[name];
};

/** Appends a Set-Cookie header (several may be set on one answer). */
export const setCookie = (reply: FastifyReply, name: string, value: string, options: { secure: boolean; maxAgeSeconds?: number; path?: string }) => {
  const header = stringifySetCookie({
    name,
    value,
    httpOnly: true,
    secure: options.secure,
    sameSite: 'lax',
    path: options.path ?? '/',
    ...(options.maxAgeSeconds !== undefined ? { maxAge: options.maxAgeSeconds } : {}),
  });
  const existing = reply.getHeader('set-cookie');
  const list = existing === undefined ? [] : Array.isArray(existing) ? existing.map(String) : [String(existing)];
  reply.header('set-cookie', [...list, header]);
};

export type NewSession = {
  kind: 'resident' | 'staff';
  surface: Surface;
  residentAccountId?: string;
  staffId?: string;
  assurance: Assurance;
  idp: string | null;
  idToken: string | null;
  /** A resident's name to greet them by, kept with the session (see buildActor). */
  name?: string;
};

/** Stores a new session and returns its token (for the cookie) and CSRF token. Tests use it to log in directly. */
export const insertSession = async (db: Db, now: Date, session: NewSession): Promise<{ token: string; csrfToken: string }> => {
  const policy = sessionPolicy(session.kind, session.surface);
  const token = newToken();
  const csrfToken = newToken();
  await createIdentityRepository(db).insertSession(hashToken(token), {
    kind: session.kind,
    surface: session.surface,
    residentAccountId: session.residentAccountId ?? null,
    staffId: session.staffId ?? null,
    assurance: session.assurance,
    csrfToken,
    idp: session.idp,
    idToken: session.idToken,
    actorName: session.name ?? null,
    createdAt: now,
    lastSeenAt: now,
    idleTimeoutSeconds: policy.idleSeconds,
    absoluteExpiresAt: new Date(now.getTime() + policy.absoluteSeconds * 1000),
  });
  return { token, csrfToken };
};

/**
 * Server-side sessions in PostgreSQL. A login always creates a new session with a new token (no
 * fixation: a token planted before the login is never promoted) and drops the one the browser had.
 */
export const createSessionService = ({ db, clock, register, publicUrl }: { db: Db; clock: Clock; register: PopulationRegister; publicUrl: string }) => {
  const secure = cookieIsSecure(publicUrl);

  type Found = NonNullable<Awaited<ReturnType<ReturnType<typeof createIdentityRepository>['findSessionWithOwner']>>>;

  const buildActor = async ({ session: row, account, member }: Found, sessionId: string): Promise<Actor | null> => {
    if (row.kind === 'staff') {
      if (!member?.active) return null;
      return {
        kind: 'staff',
        staffId: member.id,
        name: member.displayName,
        email: member.email,
        organisation: member.organisation,
        roles: member.roles,
        surface: row.surface,
        sessionId,
      };
    }
    if (row.kind === 'resident' && account) {
      // The name from the login; only older sessions without one read it from the register.
      const person = !row.actorName && account.registerPersonId ? await register.getPerson(account.registerPersonId) : null;
      return {
        kind: 'resident',
        accountId: account.id,
        personId: account.registerPersonId,
        assurance: row.assurance,
        name: row.actorName ?? (person ? `${person.givenName} ${person.familyName}` : (account.email ?? '')),
        email: account.email,
        surface: row.surface,
        sessionId,
      };
    }
    return null;
  };

  return {
    /** Starts a session, ends the one the browser had, and sets the cookie. */
    async start(request: FastifyRequest, reply: FastifyReply, session: NewSession): Promise<{ token: string; csrfToken: string }> {
      const repository = createIdentityRepository(db);
      const previous = readCookie(request, sessionCookie);
      if (previous) await repository.deleteSession(hashToken(previous));
      // Logins are rare next to requests: a good moment to clear what ran out, without a scheduler.
      await repository.deleteExpired(clock.now());
      const started = await insertSession(db, clock.now(), session);
      setCookie(reply, sessionCookie, started.token, { secure });
      return started;
    },

    /** The session of a request, or null (and the stale cookie cleared) when there is none or it ran out. */
    async resolve(request: FastifyRequest, reply: FastifyReply): Promise<(ResolvedSession & { row: SessionRow }) | null> {
      const token = readCookie(request, sessionCookie);
      if (!token || token.length > 100) return null;
      const repository = createIdentityRepository(db);
      const tokenHash = hashToken(token);
      const found = await repository.findSessionWithOwner(tokenHash);
      const row = found?.session ?? null;
      const now = clock.now();
      if (!row || sessionState(row, now) !== 'alive') {
        if (row) await repository.deleteSession(tokenHash);
        setCookie(reply, sessionCookie, '', { secure, maxAgeSeconds: 0 });
        return null;
      }
      const sessionId = tokenHash.subarray(0, 8).toString('hex');
      const actor = found ? await buildActor(found, sessionId) : null;
      if (!actor) {
        await repository.deleteSession(tokenHash);
        setCookie(reply, sessionCookie, '', { secure, maxAgeSeconds: 0 });
        return null;
      }
      if (needsTouch(row, now)) await repository.touchSession(tokenHash, now);
      return { actor, csrfToken: row.csrfToken, row };
    },

    /** Ends the session of a request; returns what RP-initiated logout needs. */
    async end(request: FastifyRequest, reply: FastifyReply): Promise<SessionRow | null> {
      const token = readCookie(request, sessionCookie);
      setCookie(reply, sessionCookie, '', { secure, maxAgeSeconds: 0 });
      if (!token) return null;
      return createIdentityRepository(db).deleteSession(hashToken(token));
    },

    /** Removes sessions past their timeouts (a periodic job). */
    async sweep(): Promise<number> {
      return createIdentityRepository(db).deleteExpiredSessions(clock.now());
    },

    secure,
  };
};

export type SessionService = ReturnType<typeof createSessionService>;
