import { describe, expect, it } from 'vitest';
import { type Permission, permissionsOf, type RoleGrant, teamsOf } from '../../../../shared/src/identity/access.ts';
import { mayUseTool, staffMenu } from './staff-menu.rules.ts';

/** The menu of a staff member with these roles, as /api/me would describe them. */
const menuFor = (roles: RoleGrant[], demo = false) => {
  const actor = { kind: 'staff', staffId: 's', name: 'N', email: 'n@x.be', organisation: 'city', roles, surface: 'werk', sessionId: 'x' } as const;
  return staffMenu({ permissions: [...permissionsOf(actor)], teams: teamsOf(actor), demo });
};

describe('staffMenu', () => {
  it("shows a back-office employee their teams, assisted intake, the day's appointments, the routing tester and the person look-up, nothing else", () => {
    const menu = menuFor([
      { role: 'back-office', team: 'burgerzaken' },
      { role: 'back-office', team: 'omgeving' },
    ]);
    expect(menu.teams).toEqual([
      { team: 'burgerzaken', to: '/werk/teams/burgerzaken' },
      { team: 'omgeving', to: '/werk/teams/omgeving' },
    ]);
    expect(menu.tools.map((t) => t.tool)).toEqual(['intake', 'appointments', 'routing', 'persons']);
  });

  it('shows an admin the routing tester, the staff directory and the audit log, and no teams', () => {
    const menu = menuFor([{ role: 'admin' }]);
    expect(menu.teams).toEqual([]);
    expect(menu.tools.map((t) => t.tool)).toEqual(['routing', 'staff', 'audit']);
  });

  it('shows a catalogue editor the catalogue only', () => {
    expect(menuFor([{ role: 'catalogue-editor' }]).tools).toEqual([{ tool: 'catalog', to: '/werk/catalogus' }]);
  });

  it('shows a partner no city tools and no register', () => {
    const menu = menuFor([{ role: 'partner' }]);
    expect(menu.workspace).toBe(true);
    expect(menu.teams).toEqual([]);
    expect(menu.tools).toEqual([]);
  });

  it('adds the demo outbox in demo mode only', () => {
    expect(menuFor([{ role: 'reception' }], true).tools.map((t) => t.tool)).toEqual(['intake', 'appointments', 'routing', 'persons', 'mail']);
    expect(menuFor([{ role: 'reception' }], false).tools.map((t) => t.tool)).toEqual(['intake', 'appointments', 'routing', 'persons']);
  });

  it('gives a visitor or a resident nothing but the demo outbox', () => {
    const resident: Permission[] = ['self:read', 'self:update', 'self:read-register', 'requests:create'];
    expect(staffMenu({ permissions: resident, teams: [], demo: true })).toEqual({ workspace: false, teams: [], tools: [{ tool: 'mail', to: '/werk/mail' }] });
    expect(staffMenu({ permissions: [], teams: ['burgerzaken'], demo: false })).toEqual({ workspace: false, teams: [], tools: [] });
  });

  it('escapes a team id in its address', () => {
    expect(staffMenu({ permissions: ['workspace:use'], teams: ['a b'], demo: false }).teams[0]?.to).toBe('/werk/teams/a%20b');
  });
});

describe('mayUseTool', () => {
  it('follows the permission, so the route guard and the menu agree', () => {
    expect(mayUseTool('audit', { permissions: ['audit:search'], demo: false })).toBe(true);
    expect(mayUseTool('audit', { permissions: ['register:read'], demo: false })).toBe(false);
  });

  it('opens the routing tester to who works cases or maintains the rules', () => {
    expect(mayUseTool('routing', { permissions: ['cases:work'], demo: false })).toBe(true);
    expect(mayUseTool('routing', { permissions: ['routing:manage'], demo: false })).toBe(true);
    expect(mayUseTool('routing', { permissions: ['workspace:use'], demo: false })).toBe(false);
  });
});
