import type { Permission } from '../../../../shared/src/identity/access.ts';

/** The workspace tools besides the team queues, in menu order. */
export const staffTools = ['intake', 'appointments', 'routing', 'persons', 'staff', 'audit', 'catalog', 'mail'] as const;
export type StaffTool = (typeof staffTools)[number];

/** Where each tool lives. */
export const staffToolPath: Record<StaffTool, string> = {
  intake: '/werk/aanvragen',
  appointments: '/werk/afspraken',
  routing: '/werk/routering',
  persons: '/werk/personen',
  staff: '/werk/medewerkers',
  audit: '/werk/audit',
  catalog: '/werk/catalogus',
  mail: '/werk/mail',
};

/**
 * The permission a tool needs (a list: any one of them); the same table guards the route, so the
 * menu never offers a page that would refuse the person. The demo outbox needs none: it exists
 * only in demo mode. The routing tester serves who works cases and who maintains the rules; the
 * day's appointments, who works cases (the counter and the back office prepare them).
 */
export const staffToolPermission: Record<StaffTool, Permission | readonly Permission[] | 'demo'> = {
  intake: 'cases:work',
  appointments: 'cases:work',
  routing: ['cases:work', 'routing:manage'],
  persons: 'register:read',
  staff: 'staff:manage',
  audit: 'audit:search',
  catalog: 'catalog:edit',
  mail: 'demo',
};

/** What /api/me says about the person, as far as the menu needs it. */
export type MenuInput = { permissions: readonly Permission[]; teams: readonly string[]; demo: boolean };

export type StaffMenu = {
  /** Whether the person may use the workspace at all (overview and team queues). */
  workspace: boolean;
  /** One entry per team the person works for, in the city profile's order. */
  teams: { team: string; to: string }[];
  tools: { tool: StaffTool; to: string }[];
};

/** The path of a team's page. */
export const teamPath = (team: string): string => `/werk/teams/${encodeURIComponent(team)}`;

/** Whether the person may open a tool. */
export const mayUseTool = (tool: StaffTool, input: Pick<MenuInput, 'permissions' | 'demo'>): boolean => {
  const needed = staffToolPermission[tool];
  if (needed === 'demo') return input.demo;
  return typeof needed === 'string' ? input.permissions.includes(needed) : needed.some((permission) => input.permissions.includes(permission));
};

/**
 * The workspace menu: only what the person may use. Someone without `workspace:use` (a resident,
 * a visitor) gets no teams and no tools, except the demo outbox in demo mode.
 */
export const staffMenu = (input: MenuInput): StaffMenu => {
  const workspace = input.permissions.includes('workspace:use');
  return {
    workspace,
    teams: workspace ? input.teams.map((team) => ({ team, to: teamPath(team) })) : [],
    tools: staffTools.filter((tool) => (tool === 'mail' || workspace) && mayUseTool(tool, input)).map((tool) => ({ tool, to: staffToolPath[tool] })),
  };
};
