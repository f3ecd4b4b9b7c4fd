import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, Surface } from '../../../../shared/src/identity/access.ts';
import type { Language } from '../../../../shared/src/platform/language.ts';
import type { AuditLog } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import type { MailService } from '../../platform/mail/mail.service.ts';
import type { PopulationRegister } from '../register/index.ts';
import { mapResidentClaims, mapStaffClaims } from './claims.rules.ts';
import { identityError, type LoginFailure } from './identity.errors.ts';
import { createIdentityRepository } from './identity.repository.ts';
import { emailLoginMail } from './login-mail.ts';
import { type Audience, buildLoginRequest, buildLogoutUrl, completeLogin, type IdentityProvider } from './oidc.client.ts';
import { safeReturnTo } from './session.rules.ts';
import { hashToken, newToken, readCookie, type SessionService, setCookie } from './session.service.ts';

/** Binds a login under way to the browser that started it. */
const loginCookie = 'gv_login';
// 15 minutes at the identity provider: enough for itsme on a phone, short enough to limit a stolen state.
const loginTtlMs = 15 * 60 * 1000;
const emailTokenTtlMs = 15 * 60 * 1000;

/** E-mail login limits: per address and per IP address, per hour (they stop brute force and mail bombing). */
export const emailLoginLimits = { perAddressPerHour: 5, perIpPerHour: 20 };

/** Where each surface starts, and where its login page is. */
export const surfaceHome: Record<Surface, string> = { portal: '/', werk: '/werk', kiosk: '/kiosk' };
export const loginPage: Record<Surface, string> = { portal: '/aanmelden', werk: '/werk/aanmelden', kiosk: '/kiosk' };

export class LoginError extends Error {
  override name = 'LoginError';
  readonly failure: LoginFailure;
  readonly surface: Surface;
  constructor(failure: LoginFailure, surface: Surface, options?: { cause?: unknown }) {
    super(failure, options);
    this.failure = failure;
    this.surface = surface;
  }
}

const sha256 = (value: string) => createHash('sha256').update(value).digest();

export type LoginDeps = {
  db: Db;
  clock: Clock;
  register: PopulationRegister;
  sessions: SessionService;
  audit: AuditLog;
  mail: MailService;
  providers: Record<Audience, IdentityProvider | null>;
  publicUrl: string;
  cityName: Record<Language, string>;
};

/**
 * Logging in and out: OpenID Connect (authorization code + PKCE, state and nonce kept server-side
 * and used once) for residents and staff, and the e-mail link for residents without eID or itsme.
 */
export const createLoginService = (deps: LoginDeps) => {
  const { db, clock, register, sessions, audit } = deps;
  const callbackUrl = (audience: Audience) => `${deps.publicUrl}/auth/callback/${audience}`;

  const provider = (audience: Audience, surface: Surface): IdentityProvider => {
    const found = deps.providers[audience];
    if (!found) throw new LoginError('idp-unavailable', surface);
    return found;
  };

  const residentActorFor = async (request: FastifyRequest, claims: Record<string, unknown>, p: IdentityProvider, surface: Surface) => {
    const mapped = mapResidentClaims(
      p.residentProfile ?? { scopes: [], nationalNumber: 'rrn', givenName: 'given_name', familyName: 'family_name', locale: 'locale' },
      claims,
    );
    if (!mapped.ok) {
      request.log.warn({ reason: mapped.reason }, 'resident login refused: no valid national register number in the ID token');
      throw new LoginError('login-failed', surface);
    }
    const person = await register.findPersonByNationalNumber(mapped.identity.nationalNumber);
    const repository = createIdentityRepository(db);
    if (!person) {
      request.log.info('resident login refused: not in the population register');
      throw new LoginError('not-in-register', surface);
    }
    const account =
      (await repository.findResidentAccount({ personId: person.id })) ??
      (await repository.insertResidentAccount({ registerPersonId: person.id, email: null, preferredLanguage: person.preferredLanguage }));
    return { account, name: `${person.givenName} ${person.familyName}`, personId: person.id };
  };

  return {
    /** Starts an OpenID Connect login: remembers state, nonce and PKCE verifier, answers with the redirect. */
    async begin(request: FastifyRequest, reply: FastifyReply, options: { audience: Audience; surface: Surface; returnTo: unknown; language: Language }) {
      const p = provider(options.audience, options.surface);
      let login: Awaited<ReturnType<typeof buildLoginRequest>>;
      try {
        login = await buildLoginRequest(p, { redirectUri: callbackUrl(options.audience), language: options.language });
      } catch (error) {
        request.log.error({ err: error }, 'identity provider unreachable');
        throw new LoginError('idp-unavailable', options.surface, { cause: error });
      }
      const binding = newToken();
      await createIdentityRepository(db).insertLoginTransaction({
        state_hash: sha256(login.state),
        browser_binding_hash: sha256(binding),
        idp: options.audience,
        surface: options.surface,
        nonce: login.nonce,
        code_verifier: login.codeVerifier,
        return_to: safeReturnTo(options.returnTo, surfaceHome[options.surface]),
        expires_at: new Date(clock.now().getTime() + loginTtlMs),
      });
      setCookie(reply, loginCookie, binding, { secure: sessions.secure, maxAgeSeconds: loginTtlMs / 1000, path: '/auth' });
      return login.url.href;
    },

    /**
     * The identity provider's answer. Refused (LoginError, logged) when the state is unknown or
     * replayed, the browser is not the one that started, the code is tampered or replayed, or the
     * ID token is expired, for another audience or has the wrong nonce.
     */
    async finish(request: FastifyRequest, reply: FastifyReply, audience: Audience): Promise<string> {
      const query = request.query as Record<string, string | undefined>;
      const repository = createIdentityRepository(db);
      const transaction = query.state ? await repository.takeLoginTransaction(sha256(query.state)) : undefined;
      // Cleared only for a login we know: a forged answer must not break the login under way.
      if (transaction) setCookie(reply, loginCookie, '', { secure: sessions.secure, maxAgeSeconds: 0, path: '/auth' });
      const fallbackSurface: Surface = audience === 'staff' ? 'werk' : 'portal';
      if (!transaction || transaction.idp !== audience) {
        request.log.warn({ audience }, 'login refused: unknown, replayed or foreign state');
        throw new LoginError('login-expired', fallbackSurface);
      }
      const surface = transaction.surface as Surface;
      const binding = readCookie(request, loginCookie);
      if (!binding || !sha256(binding).equals(transaction.browser_binding_hash)) {
        request.log.warn({ audience }, 'login refused: answer reached another browser than the one that started the login');
        throw new LoginError('login-expired', surface);
      }
      if (transaction.expires_at.getTime() < clock.now().getTime()) throw new LoginError('login-expired', surface);
      if (query.error) {
        request.log.info({ error: query.error }, 'login cancelled at the identity provider');
        throw new LoginError(query.error === 'access_denied' ? 'login-cancelled' : 'login-failed', surface);
      }
      const p = provider(audience, surface);
      let result: { claims: Record<string, unknown>; idToken: string };
      try {
        result = await completeLogin(
          p,
          new URL(request.url, deps.publicUrl),
          {
            state: query.state as string,
            nonce: transaction.nonce,
            codeVerifier: transaction.code_verifier,
          },
          clock.now(),
        );
      } catch (error) {
        request.log.warn({ err: { message: (error as Error).message, code: (error as { code?: string }).code } }, 'login refused by token validation');
        throw new LoginError('login-failed', surface, { cause: error });
      }

      let actor: Actor;
      if (audience === 'resident') {
        const resident = await residentActorFor(request, result.claims, p, surface);
        const started = await sessions.start(request, reply, {
          kind: 'resident',
          surface,
          residentAccountId: resident.account.id,
          assurance: 'high',
          idp: p.name,
          idToken: result.idToken,
          name: resident.name,
        });
        actor = {
          kind: 'resident',
          accountId: resident.account.id,
          personId: resident.personId,
          assurance: 'high',
          name: resident.name,
          email: resident.account.email,
          surface,
          sessionId: hashToken(started.token).subarray(0, 8).toString('hex'),
        };
      } else {
        const identity = mapStaffClaims(result.claims, p.rolesClaim);
        const member =
          (await repository.findStaff({ subject: identity.subject })) ?? (identity.email ? await repository.findStaff({ email: identity.email }) : null);
        if (!member?.active) {
          request.log.warn({ subject: identity.subject }, 'staff login refused: not (or no longer) in the staff directory');
          throw new LoginError('staff-unknown', surface);
        }
        if (!member.oidcSubject) await repository.linkStaffSubject(member.id, identity.subject);
        // With a roles claim the identity provider is the source of truth; the directory follows it.
        if (p.rolesClaim) await repository.replaceStaffRoles(member.id, identity.roles);
        const roles = p.rolesClaim ? identity.roles : member.roles;
        const started = await sessions.start(request, reply, {
          kind: 'staff',
          surface,
          staffId: member.id,
          assurance: 'high',
          idp: p.name,
          idToken: result.idToken,
        });
        actor = {
          kind: 'staff',
          staffId: member.id,
          name: member.displayName,
          email: member.email,
          organisation: member.organisation,
          roles,
          surface,
          sessionId: hashToken(started.token).subarray(0, 8).toString('hex'),
        };
      }
      await audit.record(db, actor, { action: 'identity.login', requestId: request.id, details: { idp: p.name, surface }, team: null });
      return transaction.return_to;
    },

    /** Ends the session; answers where the browser goes next (the identity provider's logout, then home). */
    async logout(request: FastifyRequest, reply: FastifyReply): Promise<string> {
      const actor = request.actor;
      const ended = await sessions.end(request, reply);
      const surface = ended?.surface ?? 'portal';
      const home = `${deps.publicUrl}${surfaceHome[surface]}`;
      if (actor.kind !== 'anonymous') await audit.record(db, actor, { action: 'identity.logout', requestId: request.id, team: null });
      if (!ended?.idp || !ended.idToken) return surfaceHome[surface];
      const p = deps.providers[ended.kind === 'staff' ? 'staff' : 'resident'];
      if (!p) return surfaceHome[surface];
      try {
        return (await buildLogoutUrl(p, ended.idToken, home))?.href ?? surfaceHome[surface];
      } catch (error) {
        request.log.warn({ err: error }, 'identity provider unreachable for logout; the local session is ended');
        return surfaceHome[surface];
      }
    },

    /**
     * Sends a one-time login link. The answer is the same whether or not the address is known, so
     * nobody learns which addresses have an account. Limited per address and per IP address.
     */
    async requestEmailLink(request: FastifyRequest, input: { email: string; returnTo?: string | undefined; language: Language }) {
      const repository = createIdentityRepository(db);
      const now = clock.now();
      const hourAgo = new Date(now.getTime() - 60 * 60 * 1000);
      const [byAddress, byIp] = await Promise.all([
        repository.countEmailAttempts(hourAgo, { email: input.email }),
        repository.countEmailAttempts(hourAgo, { ip: request.ip }),
      ]);
      if (byAddress >= emailLoginLimits.perAddressPerHour || byIp >= emailLoginLimits.perIpPerHour) {
        request.log.warn({ byAddress, byIp }, 'e-mail login rate limited');
        throw identityError('email-login-rate-limited');
      }
      const token = newToken();
      await db.transaction().execute(async (trx) => {
        const tx = createIdentityRepository(trx);
        await tx.recordEmailAttempt(input.email, request.ip, now);
        await tx.insertEmailToken({
          tokenHash: hashToken(token),
          email: input.email,
          returnTo: safeReturnTo(input.returnTo, '/'),
          language: input.language,
          createdAt: now,
          expiresAt: new Date(now.getTime() + emailTokenTtlMs),
        });
        const link = `${deps.publicUrl}/aanmelden/e-mail?token=${token}${input.language === 'nl' ? '' : `&lang=${input.language}`}`;
        await deps.mail.send(emailLoginMail({ to: input.email, link, language: input.language, cityName: deps.cityName[input.language] }), trx);
      });
    },

    /** Uses a login link once: a lower-assurance session for that address. */
    async useEmailLink(request: FastifyRequest, reply: FastifyReply, token: string): Promise<string> {
      const now = clock.now();
      const used = await createIdentityRepository(db).useEmailToken(hashToken(token), now);
      if (!used || used.expires_at.getTime() < now.getTime()) throw identityError('email-link-invalid');
      const repository = createIdentityRepository(db);
      const account =
        (await repository.findResidentAccount({ email: used.email })) ??
        (await repository.insertResidentAccount({ registerPersonId: null, email: used.email, preferredLanguage: used.language as Language }));
      const started = await sessions.start(request, reply, {
        kind: 'resident',
        surface: 'portal',
        residentAccountId: account.id,
        assurance: 'low',
        idp: null,
        idToken: null,
      });
      await audit.record(
        db,
        {
          kind: 'resident',
          accountId: account.id,
          personId: null,
          assurance: 'low',
          name: used.email,
          email: used.email,
          surface: 'portal',
          sessionId: hashToken(started.token).subarray(0, 8).toString('hex'),
        },
        { action: 'identity.login', requestId: request.id, details: { idp: 'email' } },
      );
      return used.return_to;
    },
  };
};

export type LoginService = ReturnType<typeof createLoginService>;
