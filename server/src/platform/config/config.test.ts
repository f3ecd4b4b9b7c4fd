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
    expect(loadConfig({ NODE_ENV: 'production', SMTP_URL: 'smtp://mail', GASTVRIJ_SECRET_KEY: secret }).demo).toBe(false);
  });

  it('uses the public demo key only outside production, and refuses a short secret', () => {
    expect(loadConfig({}).secretKey).toMatch(/demo/);
    expect(() => loadConfig({ GASTVRIJ_SECRET_KEY: 'short' })).toThrow(/GASTVRIJ_SECRET_KEY.*at least 32 characters/);
  });

  it('ignores environment variables that are not ours', () => {
    expect(() => loadConfig({ HOME: '/root', GASTVRIJ: 'x' })).not.toThrow();
  });
});
