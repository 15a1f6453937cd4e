import * as E from 'fp-ts/Either';
import { BackendConfigError, startBackend } from './backend';
import { configFromEnv, settleSecrets } from './config';

describe('configFromEnv', () => {
  it('gives the defaults for an empty environment, with the outbox under the working directory', () => {
    expect(configFromEnv({}, '/srv/app')).toEqual(E.right({ port: 3000, production: false, outboxDir: '/srv/app/outbox' }));
  });

  it('reads every variable', () => {
    const key = Buffer.alloc(32, 7);
    const config = configFromEnv(
      {
        PORT: '0',
        DATABASE_URL: 'postgres://app@db:5432/rendezvous',
        DATABASE_SCHEMA: 'tenant_a',
        EVENTSTORE_URL: 'esdb://es:2113?tls=false',
        SMTP_URL: 'smtp://mail:25',
        OUTBOX_DIR: '/var/outbox',
        LINK_SECRET: 's'.repeat(40),
        ADMIN_TOKEN: 't'.repeat(40),
        PRIVACY_MASTER_KEY: key.toString('base64'),
        DISPATCHER_ID: 'web-1',
        HOST: '127.0.0.1',
        NODE_ENV: 'production',
      },
      '/srv/app',
    );
    expect(config).toEqual(
      E.right({
        port: 0,
        production: true,
        outboxDir: '/var/outbox',
        host: '127.0.0.1',
        dispatcherId: 'web-1',
        databaseUrl: 'postgres://app@db:5432/rendezvous',
        databaseSchema: 'tenant_a',
        eventStoreUrl: 'esdb://es:2113?tls=false',
        smtpUrl: 'smtp://mail:25',
        linkSecret: 's'.repeat(40),
        adminToken: 't'.repeat(40),
        privacyMasterKey: key,
      }),
    );
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT', 'PORT="eighty" is not a port number (0 to 65535; 0 picks a free port)'],
    [{ PORT: '70000' }, 'PORT', 'PORT="70000" is not a port number (0 to 65535; 0 picks a free port)'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL', 'DATABASE_URL must be a postgres:// URL (e.g. postgres://user@127.0.0.1:5432/db)'],
    [{ EVENTSTORE_URL: 'http://es:2113' }, 'EVENTSTORE_URL', 'EVENTSTORE_URL must be an esdb:// connection string (e.g. esdb://localhost:2113?tls=false)'],
    [{ SMTP_URL: 'mail:25' }, 'SMTP_URL', 'SMTP_URL must look like smtp://host:port or smtps://user:pass@host:port'],
    [{ PRIVACY_MASTER_KEY: 'c2hvcnQ=' }, 'PRIVACY_MASTER_KEY', 'PRIVACY_MASTER_KEY must be 32 bytes in base64 (openssl rand -base64 32)'],
    [{ DATABASE_SCHEMA: 'Robert"); DROP' }, 'DATABASE_SCHEMA', 'DATABASE_SCHEMA must be a lower-case SQL identifier (letters, digits, _)'],
  ])('refuses %j naming the variable', (env, variable, message) => {
    expect(configFromEnv(env, '/srv/app')).toEqual(E.left({ variable, message }));
  });
});

describe('settleSecrets', () => {
  it('makes an ephemeral link secret in development, with a warning', () => {
    const settled = settleSecrets({});
    expect(E.isRight(settled) && settled.right.linkSecret.length).toBe(43);
    expect(E.isRight(settled) && settled.right.warnings).toEqual([
      'LINK_SECRET is not set: entry links are signed with a random key made for this run, so every link in an email sent now stops verifying when the process restarts',
      'ADMIN_TOKEN is not set: every /accounts and /privacy route and the Email Editor (/admin) are open to anyone who can reach the service',
      'no DATABASE_URL or EVENTSTORE_URL: events live in memory and are lost when the process stops',
    ]);
  });

  it('refuses in production what it only warns about in development', () => {
    const adminToken = 'a'.repeat(32);
    expect(settleSecrets({ production: true, databaseUrl: 'postgres://x', adminToken })).toEqual(
      E.left({
        variable: 'LINK_SECRET',
        message: 'LINK_SECRET is not set: entry links are signed with a random key made for this run, so every link in an email sent now stops verifying when the process restarts (refused because NODE_ENV=production)',
      }),
    );
    expect(settleSecrets({ production: true, databaseUrl: 'postgres://x', linkSecret: 'short', adminToken })).toMatchObject(E.left({ variable: 'LINK_SECRET' }));
    expect(settleSecrets({ production: true, databaseUrl: 'postgres://x', linkSecret: 'k'.repeat(32) })).toMatchObject(E.left({ variable: 'ADMIN_TOKEN' }));
    expect(settleSecrets({ production: true, eventStoreUrl: 'esdb://x', linkSecret: 'k'.repeat(32), adminToken })).toMatchObject(E.left({ variable: 'DATABASE_URL' }));
    expect(settleSecrets({ production: true, databaseUrl: 'postgres://x', linkSecret: 'k'.repeat(32), adminToken })).toEqual(E.right({ linkSecret: 'k'.repeat(32), warnings: [] }));
  });

  it('stops startBackend before it opens anything', async () => {
    await expect(startBackend({ production: true, logStream: { write: () => undefined } })).rejects.toThrow(BackendConfigError);
  });
});
