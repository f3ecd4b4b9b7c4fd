/**
 * Identity in the web app: who is logged in (useMe, which also hands apiFetch the CSRF token), the
 * header's account corner, the login pages of the portal and the workspace, "Mijn gegevens", the
 * workspace menu built from the person's permissions and teams, and the staff tools of issue 3
 * (person look-up, staff directory, audit log).
 */
export { Account } from './Account.tsx';
export { AuditPage } from './AuditPage.tsx';
export { EmailLoginPage } from './EmailLoginPage.tsx';
export { RequireTool, ResidentOnly, StaffOnly } from './guards.tsx';
export { meKey, useMe } from './identity.api.ts';
export { LoginPage } from './LoginPage.tsx';
export { loginPageHref, oidcLoginHref } from './login.rules.ts';
export { MyDataPage } from './MyDataPage.tsx';
export { PersonLookupPage } from './PersonLookupPage.tsx';
export { StaffDirectoryPage } from './StaffDirectoryPage.tsx';
export { StaffLoginPage } from './StaffLoginPage.tsx';
export { StaffNav, WorkspaceLinks } from './StaffNav.tsx';
