import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { Loading, QueryAlert } from '../../app/QueryAlert.tsx';
import { useMe } from './identity.api.ts';
import { loginPageHref } from './login.rules.ts';
import { NoAccess } from './NoAccess.tsx';
import { mayUseTool, type StaffTool } from './staff-menu.rules.ts';

/** Waits for /api/me; a visitor goes to the surface's login page, which brings them back here after. */
const useGate = (surface: 'portal' | 'werk') => {
  const me = useMe();
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  if (me.isPending) return { element: <Loading /> };
  if (me.isError) return { element: <QueryAlert error={me.error} onRetry={() => void me.refetch()} /> };
  const loginRequired = surface === 'portal' ? me.data.actor.kind === 'anonymous' : !me.data.permissions.includes('workspace:use');
  if (loginRequired) return { element: <Navigate to={loginPageHref(surface, here)} replace /> };
  return { me: me.data };
};

/** Route element for the portal's pages that need a resident's login ("Mijn gegevens"). */
export const ResidentOnly = () => {
  const gate = useGate('portal');
  if (!gate.me) return gate.element;
  if (!gate.me.permissions.includes('self:read')) return <NoAccess home="/" />;
  return <Outlet />;
};

/** Route element for every workspace page except its login page and the demo outbox. */
export const StaffOnly = () => {
  const gate = useGate('werk');
  if (!gate.me) return gate.element;
  return <Outlet />;
};

/** A workspace tool, shown only to who holds its permission (the same table builds the menu). */
export const RequireTool = ({ tool, children }: { tool: StaffTool; children: ReactNode }) => {
  const me = useMe();
  if (!me.data) return null;
  if (!mayUseTool(tool, { permissions: me.data.permissions, demo: me.data.login.demo })) return <NoAccess home="/werk" />;
  return children;
};
