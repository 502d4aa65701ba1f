// Configuration from the environment: defaults for a laptop, every problem reported at once, values never echoed.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../src/config.js';

// Demo mode writes a generated alerts key into the data folder: keep it in a temp folder.
const cwd = mkdtempSync(join(tmpdir(), 'rk-config-'));
after(() => rmSync(cwd, { recursive: true, force: true }));

const problems = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env, cwd);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('loadConfig', () => {
  it('runs with no configuration at all: SQLite in ./data, port 8787, loopback, demo data', () => {
    const config = loadConfig({}, cwd);
    assert.equal(config.port, 8787);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.dataDir, join(cwd, 'data'));
    assert.equal(config.sqliteFile, join(cwd, 'data/referral-kit.sqlite'));
    assert.equal(config.databaseUrl, undefined);
    assert.deepEqual(config.corsOrigins, []);
    assert.equal(config.massChangeShare, 0.05);
    assert.equal(config.demo, true);
    assert.equal(config.seedDemo, true);
    assert.equal(config.alerts.demo, true);
  });

  it('reads every variable', () => {
    const config = loadConfig(
      {
        PORT: '9000',
        HOST: '0.0.0.0',
        DATA_DIR: 'var/rk',
        DATABASE_URL: 'postgres://u:p@db/rk',
        DATABASE_POOL_SIZE: '25',
        CORS_ORIGINS: 'https://a.org, http://localhost:3000',
        LOG_LEVEL: 'warn',
        PUBLIC_URL: 'https://api.example.org/',
        TRUST_PROXY: 'true',
        BODY_LIMIT_BYTES: '4096',
        MASS_CHANGE_SHARE: '2.5%',
        SEED_DEMO: 'false',
        SHUTDOWN_TIMEOUT_MS: '2500',
      },
      cwd,
    );
    assert.equal(config.dataDir, join(cwd, 'var/rk'));
    assert.equal(config.port, 9000);
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.databaseUrl, 'postgres://u:p@db/rk');
    assert.equal(config.databasePoolSize, 25);
    assert.equal(loadConfig({}, cwd).databasePoolSize, 10, 'ten connections a process by default');
    assert.deepEqual(config.corsOrigins, ['https://a.org', 'http://localhost:3000']);
    assert.equal(config.logLevel, 'warn');
    assert.equal(config.publicUrl, 'https://api.example.org');
    assert.equal(config.trustProxy, true);
    assert.equal(loadConfig({ TRUST_PROXY: '2' }, cwd).trustProxy, 2, 'a hop count');
    assert.deepEqual(
      loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }, cwd).trustProxy,
      ['loopback', '10.0.0.0/8'],
      'proxy addresses and ranges',
    );
    assert.equal(loadConfig({ TRUST_PROXY: 'no' }, cwd).trustProxy, false);
    assert.equal(config.bodyLimitBytes, 4096);
    assert.equal(config.massChangeShare, 0.025);
    assert.equal(config.seedDemo, false);
    assert.equal(config.shutdownTimeoutMs, 2500);
  });

  it('lists every problem at once, naming the variable, without echoing values', () => {
    const found = problems({
      PORT: '99999',
      DATABASE_URL: 'mysql://root:hunter2@db/x',
      DATABASE_POOL_SIZE: '0',
      CORS_ORIGINS: 'https://ok.org,https://bad.org/path,*',
      LOG_LEVEL: 'loud',
      TRUST_PROXY: 'maybe',
      MASS_CHANGE_SHARE: '150%',
      PUBLIC_URL: 'ftp://x',
    });
    const text = found.join('\n');
    for (const name of [
      'PORT',
      'DATABASE_URL',
      'DATABASE_POOL_SIZE',
      'CORS_ORIGINS',
      'LOG_LEVEL',
      'TRUST_PROXY',
      'MASS_CHANGE_SHARE',
      'PUBLIC_URL',
    ]) {
      assert.ok(
        found.some((p) => p.startsWith(`${name}:`)),
        `${name} is reported`,
      );
    }
    assert.doesNotMatch(text, /hunter2/);
    assert.match(text, /"https:\/\/bad\.org\/path" is not an origin/);
    assert.match(text, /"\*" is not an origin/);
  });

  it('reads the staff console settings, and takes its Origin from PUBLIC_URL', () => {
    const config = loadConfig(
      {
        DATA_DIR: cwd,
        PUBLIC_URL: 'https://help.example.org/',
        STAFF_SESSION_IDLE_MINUTES: '15',
        STAFF_SESSION_ABSOLUTE_HOURS: '9',
        STAFF_SETUP_LINK_HOURS: '24',
        STAFF_LOCKOUT_ATTEMPTS: '4',
        STAFF_LOCKOUT_MINUTES: '20',
      },
      cwd,
    );
    assert.deepEqual(
      { ...config.staff, signInPerIp: undefined, passwordCost: undefined },
      {
        idleTimeoutMinutes: 15,
        absoluteTimeoutHours: 9,
        setupLinkHours: 24,
        lockoutAttempts: 4,
        lockoutMinutes: 20,
        origin: 'https://help.example.org',
        signInPerIp: undefined,
        passwordCost: undefined,
        sso: undefined,
      },
    );
    assert.equal(config.staff.passwordCost, 2 ** 17);
    assert.equal(loadConfig({ DATA_DIR: cwd }, cwd).staff.origin, undefined);
    assert.deepEqual(problems({ DATA_DIR: cwd, STAFF_SESSION_IDLE_MINUTES: 'soon' }), [
      'STAFF_SESSION_IDLE_MINUTES must be a whole number of at least 1.',
    ]);
    assert.deepEqual(problems({ DATA_DIR: cwd, STAFF_LOCKOUT_ATTEMPTS: '0' }), [
      'STAFF_LOCKOUT_ATTEMPTS must be a whole number of at least 1.',
    ]);
  });

  it('outside demo mode, demands what real alerts need (a secret key, an https public URL)', () => {
    const found = problems({ NODE_ENV: 'production' });
    assert.equal(found.length, 1);
    assert.match(found[0]!, /ALERTS_SECRET_KEY is required/);
    const config = loadConfig(
      {
        NODE_ENV: 'production',
        ALERTS_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
        PUBLIC_URL: 'https://api.example.org',
        ALERTS_SMTP_URL: 'smtp://mail.example.org:587',
        ALERTS_FROM: 'Alerts <no-reply@example.org>',
        ALERTS_GATEWAY_URL: 'https://sms.example.org/send',
        ALERTS_GATEWAY_SECRET: 'a-long-shared-gateway-secret',
      },
      cwd,
    );
    assert.equal(config.demo, false);
    assert.equal(config.seedDemo, false, 'no demo data in production unless asked');
  });

  it('takes the dispatch lease from ALERTS_DISPATCH_LEASE_SECONDS, and refuses one a send would outlive', () => {
    assert.equal(loadConfig({}, cwd).alerts.dispatch.leaseSeconds, 300);
    assert.equal(loadConfig({ ALERTS_DISPATCH_LEASE_SECONDS: '60' }, cwd).alerts.dispatch.leaseSeconds, 60);
    assert.deepEqual(problems({ ALERTS_DISPATCH_LEASE_SECONDS: '20' }), [
      'The dispatch lease (20 s) must outlast a send (30000 ms) by 5000 ms, or nothing is ever sent.',
    ]);
    assert.deepEqual(problems({ ALERTS_DISPATCH_LEASE_SECONDS: 'soon' }), [
      'ALERTS_DISPATCH_LEASE_SECONDS must be a whole number.',
    ]);
  });

  it('Twilio: needs its account, token and number, checks their shape and never echoes them', () => {
    const base = {
      NODE_ENV: 'production',
      ALERTS_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
      PUBLIC_URL: 'https://api.example.org',
      ALERTS_EMAIL_TRANSPORT: 'file',
      ALERTS_PHONE_TRANSPORT: 'twilio',
    };
    assert.match(problems(base)[0]!, /TWILIO_ACCOUNT_SID is required with ALERTS_PHONE_TRANSPORT=twilio/);
    const secretToken = 'secret-token-value-0123456789';
    const bad = problems({
      ...base,
      TWILIO_ACCOUNT_SID: 'AC-nope',
      TWILIO_AUTH_TOKEN: secretToken,
      TWILIO_FROM_NUMBER: '+12025550100',
    });
    assert.match(bad[0]!, /TWILIO_ACCOUNT_SID must be "AC" followed by 32 hex digits/);
    assert.doesNotMatch(bad.join('\n'), /AC-nope|secret-token/);
    assert.match(
      problems({
        ...base,
        TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}`,
        TWILIO_AUTH_TOKEN: secretToken,
        TWILIO_FROM_NUMBER: '555',
      })[0]!,
      /TWILIO_FROM_NUMBER must be an E\.164 number/,
    );
    assert.match(
      problems({
        ...base,
        TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}`,
        TWILIO_AUTH_TOKEN: secretToken,
        TWILIO_FROM_NUMBER: '+12025550100',
        ALERTS_INTERPRETER_NUMBER: '1-866-277-7477',
      })[0]!,
      /ALERTS_INTERPRETER_NUMBER must be an E\.164 number/,
    );

    const config = loadConfig(
      {
        ...base,
        TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}`,
        TWILIO_AUTH_TOKEN: secretToken,
        TWILIO_FROM_NUMBER: '+12025550100',
        ALERTS_INTERPRETER_NUMBER: '+18662777477',
        ALERTS_INTERPRETER_DIGITS: 'ww2',
      },
      cwd,
    );
    assert.deepEqual(config.alerts.phone, {
      transport: 'twilio',
      twilio: {
        accountSid: `AC${'a'.repeat(32)}`,
        authToken: secretToken,
        from: '+12025550100',
        apiBaseUrl: undefined,
      },
    });
    assert.deepEqual(config.alerts.phoneLine, { interpreterNumber: '+18662777477', interpreterDigits: 'ww2' });
  });

  it('reads the dispatcher’s sends at a time and hand-overs per second for each transport', () => {
    assert.deepEqual(loadConfig({}, cwd).alerts.dispatch.concurrency, { email: 1, phone: 1 });
    const { dispatch } = loadConfig(
      {
        ALERTS_EMAIL_CONCURRENCY: '8',
        ALERTS_PHONE_CONCURRENCY: '4',
        ALERTS_EMAIL_PER_SECOND: '14',
        ALERTS_PHONE_PER_SECOND: '1',
      },
      cwd,
    ).alerts;
    assert.deepEqual(dispatch.concurrency, { email: 8, phone: 4 });
    assert.deepEqual(dispatch.perSecond, { email: 14, phone: 1 });
    assert.match(problems({ ALERTS_PHONE_CONCURRENCY: '0' })[0]!, /ALERTS_PHONE_CONCURRENCY must be between 1 and 100/);
    assert.match(problems({ ALERTS_EMAIL_CONCURRENCY: 'many' })[0]!, /ALERTS_EMAIL_CONCURRENCY must be a whole number/);
  });
});
