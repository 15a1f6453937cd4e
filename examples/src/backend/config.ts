import { randomBytes } from 'node:crypto';
import { isAbsolute, resolve } from 'node:path';
import * as E from 'fp-ts/Either';
import type { DestinationStream } from 'pino';

/** Everything the backend can be told; startBackend fills in what is left out. */
export interface BackendConfig {
  /** TCP port; 0 picks a free one (the bound port is in the result). Default 3000. */
  readonly port?: number;
  /** Interface to listen on; default all interfaces (`::` / `0.0.0.0`). */
  readonly host?: string;
  /** PostgreSQL URL: events, privacy keys and the dispatcher's checkpoint go there. */
  readonly databaseUrl?: string;
  /** Schema inside that database (default `rendezvous`); tests use a fresh one each. */
  readonly databaseSchema?: string;
  /** EventStoreDB URL (`esdb://…`): events go there instead (keys stay in PostgreSQL or memory). */
  readonly eventStoreUrl?: string;
  /** SMTP server (`smtp://host:port`); without it emails are written as .eml files to `outboxDir`. */
  readonly smtpUrl?: string;
  /** Where the .eml outbox is written (default `./outbox`). */
  readonly outboxDir?: string;
  /** The key that signs entry links (LINK_SECRET). Without it a random one is made for this run. */
  readonly linkSecret?: string;
  /**
   * The bearer token every /accounts and /privacy route and the Email Editor page ask for
   * (ADMIN_TOKEN). Without it those routes are open: a warning in development, a refusal in production.
   */
  readonly adminToken?: string;
  /** 32 bytes that wrap the privacy keys at rest in PostgreSQL (PRIVACY_MASTER_KEY, base64). */
  readonly privacyMasterKey?: Buffer;
  /** Production refuses settings that only make sense on a laptop (NODE_ENV=production). */
  readonly production?: boolean;
  /** Where the JSON log lines go (default: stdout). */
  readonly logStream?: DestinationStream;
  /** Names this process in the dispatcher's claims and checkpoint (DISPATCHER_ID; default `<host>-<pid>`). */
  readonly dispatcherId?: string;
  /** How long a shutdown waits for requests and sends in flight (default 10 s). */
  readonly shutdownGraceMs?: number;
}

/** A setting read from the environment that cannot be used, with the variable it came from. */
export interface ConfigError {
  readonly variable: string;
  readonly message: string;
}

const minimumSecretLength = 32;

/** Reads the configuration from environment variables (docs/CONTRACT.md §5), refusing bad values by name. */
export function configFromEnv(env: NodeJS.ProcessEnv, cwd: string): E.Either<ConfigError, BackendConfig> {
  const value = (name: string): string | undefined => {
    const raw = env[name]?.trim();
    return raw === undefined || raw === '' ? undefined : raw;
  };
  const production = value('NODE_ENV') === 'production';
  const portText = value('PORT');
  const port = portText === undefined ? 3000 : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return E.left({ variable: 'PORT', message: `PORT=${JSON.stringify(portText)} is not a port number (0 to 65535; 0 picks a free port)` });
  }
  const eventStoreUrl = value('EVENTSTORE_URL');
  if (eventStoreUrl !== undefined && !/^(esdb|esdb\+discover|kurrentdb|kurrentdb\+discover|kdb):\/\//.test(eventStoreUrl)) {
    return E.left({ variable: 'EVENTSTORE_URL', message: `EVENTSTORE_URL must be an esdb:// connection string (e.g. esdb://localhost:2113?tls=false)` });
  }
  const smtpUrl = value('SMTP_URL');
  if (smtpUrl !== undefined && !/^smtps?:\/\//.test(smtpUrl)) {
    return E.left({ variable: 'SMTP_URL', message: 'SMTP_URL must look like smtp://host:port or smtps://user:pass@host:port' });
  }
  const databaseUrl = value('DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    return E.left({ variable: 'DATABASE_URL', message: 'DATABASE_URL must be a postgres:// URL (e.g. postgres://user@127.0.0.1:5432/db)' });
  }
  const linkSecret = value('LINK_SECRET');
  const adminToken = value('ADMIN_TOKEN');
  const masterKeyText = value('PRIVACY_MASTER_KEY');
  const privacyMasterKey = masterKeyText === undefined ? undefined : Buffer.from(masterKeyText, 'base64');
  if (privacyMasterKey !== undefined && privacyMasterKey.length !== 32) {
    return E.left({ variable: 'PRIVACY_MASTER_KEY', message: 'PRIVACY_MASTER_KEY must be 32 bytes in base64 (openssl rand -base64 32)' });
  }
  const outbox = value('OUTBOX_DIR') ?? 'outbox';
  const schema = value('DATABASE_SCHEMA');
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    return E.left({ variable: 'DATABASE_SCHEMA', message: 'DATABASE_SCHEMA must be a lower-case SQL identifier (letters, digits, _)' });
  }
  return E.right({
    port,
    production,
    outboxDir: isAbsolute(outbox) ? outbox : resolve(cwd, outbox),
    ...(value('DISPATCHER_ID') === undefined ? {} : { dispatcherId: value('DISPATCHER_ID') as string }),
    ...(value('HOST') === undefined ? {} : { host: value('HOST') as string }),
    ...(databaseUrl === undefined ? {} : { databaseUrl }),
    ...(schema === undefined ? {} : { databaseSchema: schema }),
    ...(eventStoreUrl === undefined ? {} : { eventStoreUrl }),
    ...(smtpUrl === undefined ? {} : { smtpUrl }),
    ...(linkSecret === undefined ? {} : { linkSecret }),
    ...(adminToken === undefined ? {} : { adminToken }),
    ...(privacyMasterKey === undefined ? {} : { privacyMasterKey }),
  });
}

/** What startBackend must know before opening anything: refusals in production, warnings elsewhere. */
export interface SettledSecrets {
  readonly linkSecret: string;
  readonly warnings: readonly string[];
}

/**
 * Checks the settings that protect people: the link secret (forgeable or short-lived links), the
 * admin token (open admin routes) and where privacy keys live (keys in memory next to a durable
 * event store are lost at restart, and with them every personal field). Production refuses; development warns and carries on.
 */
export function settleSecrets(config: BackendConfig): E.Either<ConfigError, SettledSecrets> {
  const warnings: string[] = [];
  const refuseOrWarn = (variable: string, message: string): ConfigError | undefined => {
    if (config.production === true) return { variable, message: `${message} (refused because NODE_ENV=production)` };
    warnings.push(message);
    return undefined;
  };
  let linkSecret = config.linkSecret;
  if (linkSecret === undefined) {
    const refused = refuseOrWarn('LINK_SECRET', 'LINK_SECRET is not set: entry links are signed with a random key made for this run, so every link in an email sent now stops verifying when the process restarts');
    if (refused !== undefined) return E.left(refused);
    linkSecret = randomBytes(32).toString('base64url');
  } else if (linkSecret.length < minimumSecretLength) {
    const refused = refuseOrWarn('LINK_SECRET', `LINK_SECRET has ${linkSecret.length} characters; use at least ${minimumSecretLength} random ones (openssl rand -base64 32) so links cannot be forged by guessing`);
    if (refused !== undefined) return E.left(refused);
  }
  if (config.adminToken === undefined) {
    const refused = refuseOrWarn('ADMIN_TOKEN', 'ADMIN_TOKEN is not set: every /accounts and /privacy route and the Email Editor (/admin) are open to anyone who can reach the service');
    if (refused !== undefined) return E.left(refused);
  } else if (config.adminToken.length < minimumSecretLength) {
    // The contract refuses only a missing token; a short one is a risk worth saying, not a refusal.
    warnings.push(`ADMIN_TOKEN has ${config.adminToken.length} characters; use at least ${minimumSecretLength} random ones (openssl rand -base64 32) so it cannot be guessed`);
  }
  if (config.eventStoreUrl !== undefined && config.databaseUrl === undefined) {
    const refused = refuseOrWarn(
      'DATABASE_URL',
      'EVENTSTORE_URL without DATABASE_URL keeps the privacy keys in memory: after a restart no stored personal field can be decrypted. Set DATABASE_URL for the key store',
    );
    if (refused !== undefined) return E.left(refused);
  }
  // Losing data on restart is plain from the settings, not a risk to anyone: a warning even in production.
  if (config.databaseUrl === undefined && config.eventStoreUrl === undefined) {
    warnings.push('no DATABASE_URL or EVENTSTORE_URL: events live in memory and are lost when the process stops');
  }
  return E.right({ linkSecret, warnings });
}
