import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Permission, type RoleGrant, type RouteAccess, residentPermissions, rolePermissions } from '../../../shared/src/identity/access.ts';
import { demoResidents } from '../../src/modules/register/index.ts';
import { loginAsResident, loginAsStaff, seedDemoPopulation, type TestLogin } from '../login-as.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

/**
 * Every route the app registers, with the access it declares. A new route fails this test until it
 * is added here: adding it is the moment to decide who may call it. Routes of trusted plugins (the
 * OpenAPI viewer, the web build's files, the embedded identity provider) are public by construction.
 */
const expectedAccess: Record<string, RouteAccess> = {
  'GET /health/live': 'public',
  'GET /health/ready': 'public',
  'GET /api/openapi.json': 'public',
  'GET /api/city': 'public',
  'GET /api/mail/sent': 'public',
  'GET /api/catalog/search': 'public',
  'GET /api/catalog/products': 'public',
  'GET /api/catalog/products/:slug': 'public',
  'GET /api/catalog/life-events': 'public',
  'GET /api/catalog/cpsv-ap.jsonld': 'public',
  'GET /api/catalog/ipdc-lpdc.jsonld': 'public',
  'GET /api/catalog/products/:slug/schema-org.jsonld': 'public',
  'GET /api/catalog/editor/products': { permission: 'catalog:edit' },
  'POST /api/catalog/editor/products': { permission: 'catalog:edit' },
  'GET /api/catalog/editor/products/:slug': { permission: 'catalog:edit' },
  'PUT /api/catalog/editor/products/:slug': { permission: 'catalog:edit' },
  'POST /api/catalog/editor/products/:slug/publish': { permission: 'catalog:edit' },
  'POST /api/catalog/editor/products/:slug/unpublish': { permission: 'catalog:edit' },
  'GET /api/catalog/editor/products/:slug/versions': { permission: 'catalog:edit' },
  'POST /api/catalog/editor/products/:slug/versions/:version/restore': { permission: 'catalog:edit' },
  'POST /api/catalog/editor/preview': { permission: 'catalog:edit' },
  'GET /api/register/streets': 'public',
  'GET /auth/login/:audience': 'public',
  'GET /auth/callback/:audience': 'public',
  'GET /api/me': 'session',
  'POST /api/auth/logout': 'session',
  'POST /api/auth/email-link': 'session',
  'POST /api/auth/email-login': 'session',
  'GET /api/me/profile': { permission: 'self:read' },
  'PUT /api/me/preferences': { permission: 'self:update' },
  'GET /api/me/data-access': { permission: 'self:read' },
  'GET /api/staff': { permission: 'staff:manage' },
  'POST /api/staff': { permission: 'staff:manage' },
  'PUT /api/staff/:id': { permission: 'staff:manage' },
  'POST /api/register/person-lookups': { permission: 'register:read' },
  'POST /api/audit/searches': { permission: 'audit:search' },
  'GET /api/forms/:product': 'public',
  'POST /api/cases': { permission: 'requests:create-basic' },
  'GET /api/me/cases': { permission: 'self:read' },
  'GET /api/cases/:ref': { permission: 'self:read' },
  'POST /api/cases/:ref/messages': { permission: 'requests:create-basic' },
  'POST /api/cases/:ref/withdraw': { permission: 'requests:create-basic' },
  'POST /api/questions': 'public',
  'GET /api/questions/:token': 'public',
  'POST /api/questions/:token/messages': 'public',
  'GET /api/work/queues/:team': { permission: 'workspace:use' },
  'GET /api/work/cases/:id': { permission: 'workspace:use' },
  'POST /api/work/cases': { permission: 'cases:work' },
  'POST /api/work/cases/:id/claim': { permission: 'cases:work' },
  'POST /api/work/cases/:id/assign': { permission: 'cases:assign' },
  'POST /api/work/cases/:id/hand-over': { permission: 'workspace:use' },
  'POST /api/work/cases/:id/status': { permission: 'workspace:use' },
  'POST /api/work/cases/:id/messages': { permission: 'workspace:use' },
  'POST /api/work/cases/:id/notes': { permission: 'workspace:use' },
  'GET /api/work/cases/:id/message-templates': { permission: 'workspace:use' },
  'POST /api/work/bulk-assignments': { permission: 'cases:assign' },
  'GET /api/work/teams/:team/assignees': { permission: 'cases:assign' },
  'GET /api/drafts/:product': { permission: 'requests:create-basic' },
  'PUT /api/drafts/:product': { permission: 'requests:create-basic' },
  'DELETE /api/drafts/:product': { permission: 'requests:create-basic' },
  'GET /api/work/drafts/:product': { permission: 'cases:work' },
  'PUT /api/work/drafts/:product': { permission: 'cases:work' },
  'DELETE /api/work/drafts/:product': { permission: 'cases:work' },
  'GET /api/work/routing/test': { permission: 'workspace:use' },
  'GET /api/documents/verify/:code': 'public',
  'GET /api/documents/:id': { permission: 'self:read' },
  'GET /api/work/documents/:id': { permission: 'cases:work' },
  'POST /api/uploads': 'session',
  'POST /api/cases/:ref/attachments': { permission: 'requests:create-basic' },
  'POST /api/questions/:token/attachments': 'public',
  'POST /api/work/cases/:id/attachments': { permission: 'workspace:use' },
  'GET /api/attachments/:id': { permission: 'self:read' },
  'GET /api/questions/:token/attachments/:id': 'public',
  'GET /api/work/attachments/:id': { permission: 'workspace:use' },
  'GET /api/appointments/products': 'public',
  'GET /api/appointments/slots': 'public',
  'POST /api/appointments': { permission: 'requests:create-basic' },
  'GET /api/me/appointments': { permission: 'self:read' },
  'POST /api/me/appointments/:id/cancel': { permission: 'self:update' },
  'GET /api/me/appointments/:id/calendar.ics': { permission: 'self:read' },
  'GET /api/work/appointments': { permission: 'cases:work' },
  'POST /api/work/appointments': { permission: 'cases:work' },
};

type Who = { label: string; permissions: ReadonlySet<Permission>; login: (t: TestApp) => Promise<TestLogin | null> };

const staff = (label: string, roles: RoleGrant[], organisation = 'city'): Who => ({
  label,
  permissions: new Set(roles.flatMap((r) => rolePermissions[r.role])),
  login: (t) => loginAsStaff(t, roles, organisation),
});

const everyone: Who[] = [
  { label: 'anonymous', permissions: new Set(), login: async () => null },
  { label: 'resident (e-mail, low)', permissions: new Set(residentPermissions.low), login: (t) => loginAsResident(t, { email: 'laag@test.example' }) },
  {
    label: 'resident (eID, high)',
    permissions: new Set(residentPermissions.high),
    login: (t) => loginAsResident(t, { personId: demoResidents.pieterVandenberghe.id }),
  },
  staff('reception', [{ role: 'reception', team: 'onthaal' }]),
  staff('counter', [{ role: 'counter', team: 'burgerzaken' }]),
  staff('contact-centre', [{ role: 'contact-centre', team: 'contactcenter' }]),
  staff('back-office', [{ role: 'back-office', team: 'burgerzaken' }]),
  staff('coordinator', [{ role: 'coordinator', team: 'burgerzaken' }]),
  staff('manager', [{ role: 'manager' }]),
  staff('catalogue-editor', [{ role: 'catalogue-editor' }]),
  staff('admin', [{ role: 'admin' }]),
  staff('partner (police)', [{ role: 'partner' }], 'politiezone-gavers'),
  staff('partner (fire)', [{ role: 'partner' }], 'hulpverleningszone-fluvia'),
];

const concreteUrl = (url: string) =>
  url
    .replace(':slug', 'identiteitskaart')
    .replace(':audience', 'resident')
    .replace(/:id\b/, '00000000-0000-4000-8000-000000000000')
    .replace(/:[a-zA-Z]+/g, 'x');

const deniedCodes = new Set(['unauthenticated', 'forbidden', 'csrf-token-invalid']);

describe('authorization matrix: every route × every role', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { GASTVRIJ_DEMO: 'true' } });
    await seedDemoPopulation(t);
  });
  afterAll(async () => t?.close());

  it('knows every registered route and the access it declares (a new route must be added here)', () => {
    const own = t.app.routeAccess.filter(
      (r) =>
        !r.url.startsWith('/api/docs') &&
        !r.url.startsWith('/idp') &&
        (r.url.startsWith('/api/') || r.url.startsWith('/auth/') || r.url.startsWith('/health/')),
    );
    const actual = Object.fromEntries(own.map((r) => [`${r.method} ${r.url}`, r.access]));
    expect(actual).toEqual(expectedAccess);
  });

  it('lets each role through exactly the routes its permissions allow, and answers 401/403 problem+json otherwise', async () => {
    const matrix: string[] = [];
    let checked = 0;
    for (const [route, access] of Object.entries(expectedAccess)) {
      const [method, url] = route.split(' ') as [string, string];
      const row: string[] = [];
      for (const who of everyone) {
        const login = await who.login(t);
        const response = await t.app.inject({
          method: method as 'GET',
          url: concreteUrl(url),
          headers: { ...(login?.headers ?? {}), accept: 'application/json' },
          ...(method === 'GET' ? {} : { payload: {} }),
        });
        const code = response.headers['content-type']?.includes('problem+json') ? (response.json() as { code: string }).code : null;
        const allowed = access === 'public' || access === 'session' || who.permissions.has(access.permission);
        if (allowed) {
          expect(deniedCodes.has(code ?? ''), `${route} as ${who.label}: ${response.statusCode} ${code}`).toBe(false);
        } else {
          expect(response.statusCode, `${route} as ${who.label}`).toBe(login ? 403 : 401);
          expect(code).toBe(login ? 'forbidden' : 'unauthenticated');
        }
        row.push(allowed ? '✓' : '·');
        checked++;
      }
      matrix.push(`${row.join(' ')}  ${route}`);
    }
    expect(checked).toBe(Object.keys(expectedAccess).length * everyone.length);
    // The matrix as a reviewer reads it (columns in the order of `everyone`).
    console.info(`${everyone.map((w, i) => `${i + 1}=${w.label}`).join(', ')}\n${matrix.join('\n')}`);
  });
});
