import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults to demo mode on port 3000 with ./data and 2FA off', () => {
    const c = loadConfig({}, '/srv/app');
    expect(c).toMatchObject({
      port: 3000,
      dataDir: '/srv/app/data',
      demo: true,
      require2fa: false,
      passwordMaxAgeDays: 90,
    });
    expect(c.sessionIdleMinutes).toBe(30);
    expect(c.sessionAbsoluteHours).toBe(12);
  });

  it('refuses production without DATABASE_URL or an explicit DATA_DIR', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
  });

  it('never seeds in production and turns 2FA on by default there', () => {
    const c = loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://u@db/civic' });
    expect(c.demo).toBe(false);
    expect(c.require2fa).toBe(true);
    expect(
      loadConfig({ NODE_ENV: 'production', DATA_DIR: '/var/lib/civic', REQUIRE_2FA: 'false' }).require2fa,
    ).toBe(false);
  });

  it('explains a malformed value in Chinese and English', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/配置错误/);
    expect(() => loadConfig({ FIELD_ENCRYPTION_KEY: 'short' })).toThrow(/64 位十六进制/);
  });
});
