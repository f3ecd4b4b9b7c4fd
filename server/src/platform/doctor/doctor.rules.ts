import { settings } from '../config/config.ts';

/** ok: fine. warn: works, but worth knowing. fail: Gastvrij will not work this way. skip: could not be checked because an earlier check failed. */
export type CheckStatus = 'ok' | 'warn' | 'fail' | 'skip';

/** One line of `gastvrij doctor`: what was checked, what was found and, for a problem, how to fix it. */
export type Check = { name: string; status: CheckStatus; detail: string; fix?: string };

/** The whole answer; `ok` is false as soon as one check failed (the command then exits with 1). */
export type DoctorReport = { ok: boolean; checks: Check[] };

/** The oldest Node.js Gastvrij runs on: the first 22.x with `require(esm)` and stable type stripping behind a flag. */
export const minimumNode = [22, 12] as const;

/** Whether a Node.js version string (`22.12.0`, `v24.1.0`) is new enough. */
export const nodeVersionSupported = (version: string): boolean => {
  const [major = 0, minor = 0] = version
    .replace(/^v/, '')
    .split('.')
    .map((part) => Number.parseInt(part, 10));
  return major > minimumNode[0] || (major === minimumNode[0] && minor >= minimumNode[1]);
};

/** Whether a PostgreSQL `server_version_num` (150004, 180001) is supported. */
export const postgresVersionSupported = (versionNum: number): boolean => versionNum >= 150000;

const symbols: Record<CheckStatus, string> = { ok: '✔', warn: '!', fail: '✖', skip: '-' };

/** One line per check, the fix on the same line, so a log or a chat message keeps it together. */
export const formatCheck = (check: Check): string =>
  `${symbols[check.status]} ${check.name}: ${check.detail}${check.fix ? ` Fix: ${check.fix}` : ''}`.replace(/\s*\n\s*/g, ' ');

export const summarise = (checks: Check[]): DoctorReport => ({ ok: checks.every((c) => c.status !== 'fail'), checks });

/** The README's configuration table, from the one list of settings the code reads. */
export const configTable = (): string => {
  const escapePipes = (text: string) => text.replaceAll('|', '\\|');
  const rows = Object.entries(settings).map(([name, s]) => `| \`${name}\` | ${s.default === '' ? '(empty)' : `\`${s.default}\``} | ${escapePipes(s.doc)} |`);
  return ['| Setting | Default | Meaning |', '|---|---|---|', ...rows].join('\n');
};
