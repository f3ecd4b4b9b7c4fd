import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('gives a working demo configuration with no environment at all', () => {
    const config = loadConfig({}, '/srv/gastvrij');
    expect(config).toMatchObject({ port: 3000, databaseUrl: null, demo: true, dataDir: '/srv/gastvrij/data', publicUrl: 'http://localhost:3000' });
  });

  it('refuses an unknown GASTVRIJ_ key and suggests the one that was meant', () => {
    expect(() => loadConfig({ GASTVRIJ_DATA_DRI: '/x' })).toThrow(/Unknown configuration key GASTVRIJ_DATA_DRI\. Did you mean GASTVRIJ_DATA_DIR\?/);
  });

  it('names the setting and its default when a value is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT="70000".*at most 65535/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL.*postgres:\/\//);
    expect(() => loadConfig({ GASTVRIJ_EMBEDDED_PG_PORT: '5432' })).toThrow(/must not be 5432/);
  });

  it('refuses demo settings in production', () => {
    const secret = 'a-production-secret-of-forty-characters!!';
    expect(() => loadConfig({ NODE_ENV: 'production', GASTVRIJ_DEMO: 'true', SMTP_URL: 'smtp://mail', GASTVRIJ_SECRET_KEY: secret })).toThrow(
      /GASTVRIJ_DEMO=true is refused/,
    );
    expect(() => loadConfig({ NODE_ENV: 'production', SMTP_URL: 'smtp://mail' })).toThrow(/GASTVRIJ_SECRET_KEY is required/);
    expect(() => loadConfig({ NODE_ENV: 'production', GASTVRIJ_SECRET_KEY: secret })).toThrow(/SMTP_URL is required/);
    const staffIdp = {
      GASTVRIJ_OIDC_STAFF_ISSUER: 'https://login.microsoftonline.com/tenant/v2.0',
      GASTVRIJ_OIDC_STAFF_CLIENT_ID: 'gastvrij',
      GASTVRIJ_OIDC_STAFF_CLIENT_SECRET: 's',
    };
    // Without an identity provider for staff, production would fall back to the demo login: refused.
    expect(() => loadConfig({ NODE_ENV: 'production', SMTP_URL: 'smtp://mail', GASTVRIJ_SECRET_KEY: secret })).toThrow(
      /GASTVRIJ_OIDC_STAFF_ISSUER is required/,
    );
    const production = loadConfig({ NODE_ENV: 'production', SMTP_URL: 'smtp://mail', GASTVRIJ_SECRET_KEY: secret, ...staffIdp });
    expect(production.demo).toBe(false);
    expect(production.oidc).toEqual({
      resident: null,
      staff: expect.objectContaining({
        issuer: staffIdp.GASTVRIJ_OIDC_STAFF_ISSUER,
        clientId: 'gastvrij',
        clientSecret: 's',
        scopes: ['openid', 'profile', 'email'],
      }),
    });
  });

  it('needs a client id and a secret or key for every identity provider it is given', () => {
    expect(() => loadConfig({ GASTVRIJ_OIDC_RESIDENT_ISSUER: 'https://authenticatie.vlaanderen.be/op' })).toThrow(
      /GASTVRIJ_OIDC_RESIDENT_CLIENT_ID is required/,
    );
    expect(() => loadConfig({ GASTVRIJ_OIDC_RESIDENT_ISSUER: 'https://authenticatie.vlaanderen.be/op', GASTVRIJ_OIDC_RESIDENT_CLIENT_ID: 'x' })).toThrow(
      /CLIENT_SECRET or GASTVRIJ_OIDC_RESIDENT_PRIVATE_KEY is required/,
    );
    expect(() => loadConfig({ GASTVRIJ_OIDC_RESIDENT_PROFILE: 'itsme' })).toThrow(/GASTVRIJ_OIDC_RESIDENT_PROFILE/);
  });

  it('uses the public demo key only outside production, and refuses a short secret', () => {
    expect(loadConfig({}).secretKey).toMatch(/demo/);
    expect(() => loadConfig({ GASTVRIJ_SECRET_KEY: 'short' })).toThrow(/GASTVRIJ_SECRET_KEY.*at least 32 characters/);
  });

  it('ignores environment variables that are not ours', () => {
    expect(() => loadConfig({ HOME: '/root', GASTVRIJ: 'x' })).not.toThrow();
  });
});
