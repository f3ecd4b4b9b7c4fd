import path from 'node:path';
import { z } from 'zod';

/**
 * Every setting Gastvrij reads from the environment, with its default and a one-line description.
 * The README's configuration table is generated from this list (`gastvrij doctor --config-table`).
 */
export const settings = {
  PORT: { default: '3000', doc: 'HTTP port of the app.' },
  HOST: { default: 'localhost', doc: 'Interface to listen on; `0.0.0.0` behind a load balancer or in a container.' },
  NODE_ENV: { default: 'development', doc: '`production` refuses demo settings (embedded identity provider, demo seed, mail kept in the database).' },
  LOG_LEVEL: { default: 'info', doc: 'pino log level: fatal, error, warn, info, debug, trace, silent.' },
  DATABASE_URL: { default: '', doc: 'PostgreSQL (>= 15) connection string. Empty: start the embedded PostgreSQL under the data directory.' },
  GASTVRIJ_DATA_DIR: { default: './data', doc: 'Where the embedded PostgreSQL keeps its files (and uploads later).' },
  GASTVRIJ_EMBEDDED_PG_PORT: { default: '0', doc: 'Port of the embedded PostgreSQL; 0 picks a free one (never 5432).' },
  GASTVRIJ_DB_POOL_SIZE: { default: '10', doc: 'Database connections of the app per instance (pg-boss opens 4 more); size max_connections for all instances.' },
  GASTVRIJ_CITY_PROFILE: { default: 'config/cities/harelbeke.yaml', doc: 'Path of the city profile (YAML or JSON).' },
  GASTVRIJ_PUBLIC_URL: { default: '', doc: 'Public base URL used in e-mails and documents. Empty: http://localhost:PORT.' },
  GASTVRIJ_DEMO: { default: '', doc: 'Seed and show the demo city. Empty: on, except when NODE_ENV=production.' },
  GASTVRIJ_RATE_LIMIT: { default: '300', doc: 'Requests per minute per IP address on unauthenticated API routes.' },
  GASTVRIJ_TRUST_PROXY: { default: 'false', doc: 'Trust X-Forwarded-* headers (true behind a load balancer).' },
  GASTVRIJ_SHUTDOWN_TIMEOUT_MS: { default: '10000', doc: 'How long a graceful shutdown waits for in-flight requests, and then for running jobs, to finish.' },
  GASTVRIJ_WEB_DIST: { default: 'web/dist', doc: 'Folder of the built web app served by the API process.' },
  GASTVRIJ_CATALOG_DIR: { default: '', doc: 'Folder of the product catalogue (one YAML per product), synced at start. Empty: config/catalog/<city slug>.' },
  GASTVRIJ_SECRET_KEY: {
    default: '',
    doc: 'Secret (>= 32 characters) from which the keys that encrypt and hash national register numbers are derived. Empty: a fixed demo key, refused in production.',
  },
  GASTVRIJ_OIDC_RESIDENT_ISSUER: {
    default: '',
    doc: 'OpenID Connect issuer for residents (Flemish ACM/IDM or federal FAS). Empty: the embedded demo identity provider (refused in production; residents then only have the e-mail login).',
  },
  GASTVRIJ_OIDC_RESIDENT_PROFILE: { default: 'acm-idm', doc: 'Claim mapping for residents: `acm-idm` (claim `rrn`), `fas` (claim `egovNRN`) or `generic`.' },
  GASTVRIJ_OIDC_RESIDENT_CLIENT_ID: { default: '', doc: "Client id registered with the residents' identity provider." },
  GASTVRIJ_OIDC_RESIDENT_CLIENT_SECRET: { default: '', doc: 'Client secret (client_secret_basic); leave empty when a private key is used.' },
  GASTVRIJ_OIDC_RESIDENT_PRIVATE_KEY: { default: '', doc: 'Path of a private JWK (JSON) or PKCS#8 PEM file for private_key_jwt client authentication.' },
  GASTVRIJ_OIDC_RESIDENT_SCOPES: {
    default: '',
    doc: "Scopes to ask for. Empty: the profile's (acm-idm: `openid profile rrn`; fas: `openid profile egovNRN`).",
  },
  GASTVRIJ_OIDC_STAFF_ISSUER: {
    default: '',
    doc: 'OpenID Connect issuer for staff and partners (e.g. https://login.microsoftonline.com/<tenant>/v2.0). Required in production; empty: the embedded demo identity provider.',
  },
  GASTVRIJ_OIDC_STAFF_CLIENT_ID: { default: '', doc: 'Client id registered with the staff identity provider.' },
  GASTVRIJ_OIDC_STAFF_CLIENT_SECRET: { default: '', doc: 'Client secret for the staff identity provider; leave empty when a private key is used.' },
  GASTVRIJ_OIDC_STAFF_PRIVATE_KEY: {
    default: '',
    doc: 'Path of a private JWK (JSON) or PKCS#8 PEM file for private_key_jwt with the staff identity provider.',
  },
  GASTVRIJ_OIDC_STAFF_SCOPES: { default: 'openid profile email', doc: 'Scopes to ask the staff identity provider for.' },
  GASTVRIJ_OIDC_STAFF_ROLES_CLAIM: {
    default: '',
    doc: 'Claim holding roles such as `back-office:burgerzaken` (Entra ID app roles: `roles`). Empty: roles come from the staff directory only.',
  },
  SMTP_URL: {
    default: '',
    doc: 'SMTP server for outgoing mail, e.g. smtp://user:pass@mail.example.org:587. Empty: mail is kept in the database and shown at /werk/mail.',
  },
  MAIL_FROM: { default: '', doc: 'Sender address. Empty: the e-mail address of the city profile.' },
} as const;

export type SettingName = keyof typeof settings;

const bool = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => ['true', 'false', '1', '0', 'yes', 'no', ''].includes(v), 'must be true or false')
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const port = (min: number) => z.coerce.number().int('must be a whole number').min(min, `must be at least ${min}`).max(65535, 'must be at most 65535');

const configSchema = z.object({
  PORT: port(0),
  HOST: z.string().min(1),
  NODE_ENV: z.enum(['development', 'test', 'production']),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  DATABASE_URL: z.string().refine((v) => v === '' || /^postgres(ql)?:\/\//.test(v), 'must start with postgres://'),
  GASTVRIJ_DATA_DIR: z.string().min(1),
  GASTVRIJ_EMBEDDED_PG_PORT: port(0).refine((p) => p !== 5432, 'must not be 5432, the port of a system PostgreSQL'),
  GASTVRIJ_DB_POOL_SIZE: z.coerce.number().int().min(2).max(100),
  GASTVRIJ_CITY_PROFILE: z.string().min(1),
  GASTVRIJ_PUBLIC_URL: z.string().refine((v) => v === '' || URL.canParse(v), 'must be a URL'),
  GASTVRIJ_DEMO: bool,
  GASTVRIJ_RATE_LIMIT: z.coerce.number().int().min(1),
  GASTVRIJ_TRUST_PROXY: bool,
  GASTVRIJ_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0),
  GASTVRIJ_WEB_DIST: z.string().min(1),
  GASTVRIJ_CATALOG_DIR: z.string(),
  GASTVRIJ_SECRET_KEY: z.string().refine((v) => v === '' || v.length >= 32, 'must be at least 32 characters (openssl rand -base64 48)'),
  GASTVRIJ_OIDC_RESIDENT_ISSUER: z.string().refine((v) => v === '' || URL.canParse(v), 'must be a URL'),
  GASTVRIJ_OIDC_RESIDENT_PROFILE: z.enum(['acm-idm', 'fas', 'generic']),
  GASTVRIJ_OIDC_RESIDENT_CLIENT_ID: z.string(),
  GASTVRIJ_OIDC_RESIDENT_CLIENT_SECRET: z.string(),
  GASTVRIJ_OIDC_RESIDENT_PRIVATE_KEY: z.string(),
  GASTVRIJ_OIDC_RESIDENT_SCOPES: z.string(),
  GASTVRIJ_OIDC_STAFF_ISSUER: z.string().refine((v) => v === '' || URL.canParse(v), 'must be a URL'),
  GASTVRIJ_OIDC_STAFF_CLIENT_ID: z.string(),
  GASTVRIJ_OIDC_STAFF_CLIENT_SECRET: z.string(),
  GASTVRIJ_OIDC_STAFF_PRIVATE_KEY: z.string(),
  GASTVRIJ_OIDC_STAFF_SCOPES: z.string(),
  GASTVRIJ_OIDC_STAFF_ROLES_CLAIM: z.string(),
  SMTP_URL: z.string().refine((v) => v === '' || /^smtps?:\/\//.test(v), 'must start with smtp:// or smtps://'),
  MAIL_FROM: z.string(),
});

/** The validated configuration of one process. */
export type Config = {
  port: number;
  host: string;
  env: 'development' | 'test' | 'production';
  logLevel: z.infer<typeof configSchema>['LOG_LEVEL'];
  databaseUrl: string | null;
  dataDir: string;
  embeddedPgPort: number;
  /** GASTVRIJ_DB_POOL_SIZE: the app's pool, per instance. */
  dbPoolSize: number;
  cityProfilePath: string;
  publicUrl: string;
  demo: boolean;
  rateLimitPerMinute: number;
  trustProxy: boolean;
  shutdownTimeoutMs: number;
  webDist: string;
  /** Null: config/catalog/<city slug>, known once the city profile is read. */
  catalogDir: string | null;
  secretKey: string;
  smtpUrl: string | null;
  mailFrom: string | null;
  /** The identity providers; null: the embedded demo one (never in production). */
  oidc: { resident: OidcClientSettings | null; staff: OidcClientSettings | null };
};

/** How Gastvrij logs in with one external OpenID Connect identity provider. */
export type OidcClientSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string | null;
  /** Absolute path of a private key file for private_key_jwt. */
  privateKeyPath: string | null;
  /** Null: the profile's scopes. */
  scopes: string[] | null;
  profile: 'acm-idm' | 'fas' | 'generic' | 'staff';
  rolesClaim: string | null;
};

/** The key used when GASTVRIJ_SECRET_KEY is empty: public, so only for demos and tests. */
export const demoSecretKey = 'gastvrij-demo-secret-key-not-for-production-use';

/** A configuration problem, with a message that names the setting and how to fix it. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const levenshtein = (a: string, b: string): number => {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] as number;
      row[j] = Math.min((row[j] as number) + 1, (row[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] as number;
};

const suggest = (name: string): string | undefined => {
  let best: { name: string; d: number } | undefined;
  for (const known of Object.keys(settings)) {
    const d = levenshtein(name, known);
    if (d <= 3 && (!best || d < best.d)) best = { name: known, d };
  }
  return best?.name;
};

/**
 * Reads the configuration from an environment. Unknown `GASTVRIJ_*` keys are refused (a typo would
 * otherwise silently fall back to a default), as is a production configuration with demo settings.
 */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config => {
  for (const key of Object.keys(env)) {
    if (key.startsWith('GASTVRIJ_') && !(key in settings)) {
      const hint = suggest(key);
      throw new ConfigError(`Unknown configuration key ${key}.${hint ? ` Did you mean ${hint}?` : ''} See the configuration table in README.md.`);
    }
  }
  const raw: Record<string, string> = {};
  for (const [key, setting] of Object.entries(settings)) raw[key] = env[key] ?? setting.default;
  if (raw.NODE_ENV === '') raw.NODE_ENV = 'development';
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue?.path[0] ?? '?');
    throw new ConfigError(
      `Invalid configuration ${key}=${JSON.stringify(raw[key])}: ${issue?.message}. Fix the environment variable ${key} (default ${JSON.stringify(settings[key as SettingName]?.default ?? '')}).`,
    );
  }
  const c = parsed.data;
  const production = c.NODE_ENV === 'production';
  const demo = raw.GASTVRIJ_DEMO === '' ? !production : c.GASTVRIJ_DEMO;
  if (production && demo) {
    throw new ConfigError('GASTVRIJ_DEMO=true is refused with NODE_ENV=production: demo residents and the demo login must never reach real people.');
  }
  if (production && (!c.GASTVRIJ_SECRET_KEY || c.GASTVRIJ_SECRET_KEY === demoSecretKey)) {
    throw new ConfigError(
      'GASTVRIJ_SECRET_KEY is required with NODE_ENV=production: national register numbers must not be encrypted with the public demo key. Generate one with `openssl rand -base64 48`.',
    );
  }
  if (production && !c.SMTP_URL) {
    throw new ConfigError('SMTP_URL is required with NODE_ENV=production: without it e-mail is only kept in the database.');
  }
  const oidcClient = (
    prefix: 'RESIDENT' | 'STAFF',
    profile: OidcClientSettings['profile'],
    scopes: string,
    rolesClaim: string | null,
  ): OidcClientSettings | null => {
    const issuer = c[`GASTVRIJ_OIDC_${prefix}_ISSUER`];
    if (!issuer) return null;
    const clientId = c[`GASTVRIJ_OIDC_${prefix}_CLIENT_ID`];
    const secret = c[`GASTVRIJ_OIDC_${prefix}_CLIENT_SECRET`];
    const key = c[`GASTVRIJ_OIDC_${prefix}_PRIVATE_KEY`];
    if (!clientId) throw new ConfigError(`GASTVRIJ_OIDC_${prefix}_CLIENT_ID is required when GASTVRIJ_OIDC_${prefix}_ISSUER is set.`);
    if (!secret && !key) {
      throw new ConfigError(
        `GASTVRIJ_OIDC_${prefix}_CLIENT_SECRET or GASTVRIJ_OIDC_${prefix}_PRIVATE_KEY is required when GASTVRIJ_OIDC_${prefix}_ISSUER is set.`,
      );
    }
    return {
      issuer,
      clientId,
      clientSecret: secret || null,
      privateKeyPath: key ? path.resolve(cwd, key) : null,
      scopes: scopes.trim() ? scopes.trim().split(/\s+/) : null,
      profile,
      rolesClaim,
    };
  };
  const oidc = {
    resident: oidcClient('RESIDENT', c.GASTVRIJ_OIDC_RESIDENT_PROFILE, c.GASTVRIJ_OIDC_RESIDENT_SCOPES, null),
    staff: oidcClient('STAFF', 'staff', c.GASTVRIJ_OIDC_STAFF_SCOPES, c.GASTVRIJ_OIDC_STAFF_ROLES_CLAIM || null),
  };
  if (production && !oidc.staff) {
    throw new ConfigError(
      "GASTVRIJ_OIDC_STAFF_ISSUER is required with NODE_ENV=production: staff log in through the city's identity provider (the embedded one is for demos).",
    );
  }
  return {
    port: c.PORT,
    host: c.HOST,
    env: c.NODE_ENV,
    logLevel: c.LOG_LEVEL,
    databaseUrl: c.DATABASE_URL || null,
    dataDir: path.resolve(cwd, c.GASTVRIJ_DATA_DIR),
    embeddedPgPort: c.GASTVRIJ_EMBEDDED_PG_PORT,
    dbPoolSize: c.GASTVRIJ_DB_POOL_SIZE,
    cityProfilePath: path.resolve(cwd, c.GASTVRIJ_CITY_PROFILE),
    publicUrl: (c.GASTVRIJ_PUBLIC_URL || `http://localhost:${c.PORT}`).replace(/\/$/, ''),
    demo,
    rateLimitPerMinute: c.GASTVRIJ_RATE_LIMIT,
    trustProxy: c.GASTVRIJ_TRUST_PROXY,
    shutdownTimeoutMs: c.GASTVRIJ_SHUTDOWN_TIMEOUT_MS,
    webDist: path.resolve(cwd, c.GASTVRIJ_WEB_DIST),
    catalogDir: c.GASTVRIJ_CATALOG_DIR ? path.resolve(cwd, c.GASTVRIJ_CATALOG_DIR) : null,
    secretKey: c.GASTVRIJ_SECRET_KEY || demoSecretKey,
    smtpUrl: c.SMTP_URL || null,
    mailFrom: c.MAIL_FROM || null,
    oidc,
  };
};
