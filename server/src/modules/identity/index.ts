/**
 * The identity module: who is asking and what they may do.
 *
 * - Login with OpenID Connect for residents (ACM/IDM claim `rrn`, FAS claim `egovNRN`) and for
 *   staff and partners, plus an e-mail link for residents without eID (lower assurance).
 * - Server-side sessions in PostgreSQL (cookie `gv_session`, HttpOnly, SameSite=Lax, Secure outside
 *   localhost), CSRF token per session, idle and absolute timeouts per surface.
 * - The staff directory (roles per team, partner accounts per organisation) and "Mijn gegevens"
 *   with who-saw-my-data from the audit log.
 * Roles and permissions are in shared/src/identity/access.ts; the per-request check in
 * platform/http/access.ts.
 */
export { type DemoStaffKey, type DemoStaffMember, demoStaff } from './demo-staff.data.ts';
export { demoStaffSeeder } from './demo-staff.seeder.ts';
export { mountEmbeddedIdp } from './embedded-idp.mount.ts';
export { createIdentityRepository } from './identity.repository.ts';
export { identityRoutes } from './identity.routes.ts';
export { createIdentityService, type IdentityService } from './identity.service.ts';
export { createLoginService, emailLoginLimits, type LoginService } from './login.service.ts';
export { type Audience, createIdentityProvider, embeddedClientIds, embeddedClientSecret, type FetchLike, type IdentityProvider } from './oidc.client.ts';
export { createSessionService, insertSession, type SessionService, sessionCookie } from './session.service.ts';
