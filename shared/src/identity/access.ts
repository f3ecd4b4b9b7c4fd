import { z } from 'zod';

/**
 * Roles of the people who work for the city or a partner. A staff member may hold several, and
 * team-bound roles once per team (back-office for Burgerzaken and for Omgeving).
 */
export const staffRoleSchema = z.enum([
  'reception',
  'counter',
  'contact-centre',
  'back-office',
  'coordinator',
  'manager',
  'catalogue-editor',
  'admin',
  'partner',
]);
export type StaffRole = z.infer<typeof staffRoleSchema>;

/** Roles that only make sense for a team of the city profile. */
export const teamBoundRoles: readonly StaffRole[] = ['back-office', 'coordinator'];

/** One role held by a staff member: per team for team-bound roles, per organisation for partners. */
export const roleGrantSchema = z.strictObject({
  role: staffRoleSchema,
  /** A team id of the city profile; for team-bound roles. */
  team: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .optional(),
});
export type RoleGrant = z.infer<typeof roleGrantSchema>;

/**
 * How sure we are of who a resident is (eIDAS levels). eID and itsme through ACM/IDM or FAS are
 * `high`; an e-mail link only proves control of a mailbox: `low`.
 */
export const assuranceSchema = z.enum(['low', 'substantial', 'high']);
export type Assurance = z.infer<typeof assuranceSchema>;

/** Where a session was started; it decides the idle timeout (kiosk sessions end after 2 minutes). */
export const surfaceSchema = z.enum(['portal', 'werk', 'kiosk']);
export type Surface = z.infer<typeof surfaceSchema>;

/**
 * Every permission a route or a use case can ask for. Residents get theirs from their assurance
 * level, staff from their roles (rolePermissions). Resource-level rules (which case, whose file)
 * live in each module's policy on top of these.
 */
export const permissionSchema = z.enum([
  // Residents
  'self:read',
  'self:update',
  'self:read-register',
  'requests:create-basic',
  'requests:create',
  // Everyone who works for the city or a partner
  'workspace:use',
  // Staff
  'register:read',
  'register:read-national-number',
  'staff:manage',
  'audit:search',
  'catalog:edit',
  'cases:work',
  'cases:assign',
  'routing:manage',
  'insights:read',
  // Partners (police zone, fire zone): only what was shared with their organisation
  'partner:work',
]);
export type Permission = z.infer<typeof permissionSchema>;

/** What each staff role may do. A staff member's permissions are the union over their roles. */
export const rolePermissions: Record<StaffRole, readonly Permission[]> = {
  reception: ['workspace:use', 'register:read', 'cases:work'],
  counter: ['workspace:use', 'register:read', 'register:read-national-number', 'cases:work'],
  'contact-centre': ['workspace:use', 'register:read', 'cases:work'],
  'back-office': ['workspace:use', 'register:read', 'register:read-national-number', 'cases:work'],
  coordinator: ['workspace:use', 'register:read', 'register:read-national-number', 'cases:work', 'cases:assign', 'routing:manage'],
  manager: ['workspace:use', 'insights:read', 'audit:search'],
  'catalogue-editor': ['workspace:use', 'catalog:edit'],
  admin: ['workspace:use', 'staff:manage', 'audit:search', 'routing:manage'],
  partner: ['workspace:use', 'partner:work'],
};

/** What a resident may do, by assurance: an e-mail login may only start and follow non-sensitive requests. */
export const residentPermissions: Record<Assurance, readonly Permission[]> = {
  low: ['self:read', 'self:update', 'requests:create-basic'],
  substantial: ['self:read', 'self:update', 'self:read-register', 'requests:create-basic', 'requests:create'],
  high: ['self:read', 'self:update', 'self:read-register', 'requests:create-basic', 'requests:create'],
};

/**
 * Who is asking. Built from the session on every request that needs it; never from the request body.
 */
export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'resident';
      /** resident_accounts.id */
      accountId: string;
      /** The register person, when the resident logged in with eID/itsme and the register knows them. */
      personId: string | null;
      assurance: Assurance;
      name: string;
      email: string | null;
      surface: Surface;
      sessionId: string;
    }
  | {
      kind: 'staff';
      /** staff_members.id */
      staffId: string;
      name: string;
      email: string;
      /** 'city', or the partner organisation's id from the city profile. */
      organisation: string;
      roles: RoleGrant[];
      surface: Surface;
      sessionId: string;
    };

export type ResidentActor = Extract<Actor, { kind: 'resident' }>;
export type StaffActor = Extract<Actor, { kind: 'staff' }>;

/** The permissions an actor holds. */
export const permissionsOf = (actor: Actor): ReadonlySet<Permission> => {
  if (actor.kind === 'anonymous') return new Set();
  if (actor.kind === 'resident') return new Set(residentPermissions[actor.assurance]);
  return new Set(actor.roles.flatMap((grant) => rolePermissions[grant.role]));
};

/** Whether the actor holds the permission. */
export const hasPermission = (actor: Actor, permission: Permission): boolean => permissionsOf(actor).has(permission);

/** The teams a staff member works for, in any role (for work queues and the menu). */
export const teamsOf = (actor: Actor): string[] =>
  actor.kind === 'staff' ? [...new Set(actor.roles.flatMap((grant) => (grant.team ? [grant.team] : [])))] : [];

/**
 * What a route requires, declared on every route (`config: { access }`): `public` for what the
 * city publishes (no session is even looked up), `session` for routes that work with or without a
 * login (the actor is resolved, CSRF checked), or a permission.
 */
export type RouteAccess = 'public' | 'session' | { permission: Permission };
