import { hostname } from 'node:os';
import type { AddressInfo } from 'node:net';
import * as E from 'fp-ts/Either';
import { createCommandService, realClock } from '@rendezvous/adapters';
import { createRenderer } from '@rendezvous/notifications';
import type { App } from './app';
import { settleSecrets, type BackendConfig } from './config';
import { createHttpServer } from './http/server';
import { createLogger } from './log';
import { accountRoutes } from './routes/accounts';
import { openApiRoute } from './openapi/document';
import { adminRoutes } from './routes/admin';
import { linkRoutes } from './routes/links';
import { meetingRoutes } from './routes/meetings';
import { privacyRoutes } from './routes/privacy';
import { createLiveDispatcher } from './wiring/dispatcher';
import { openMailer } from './wiring/mailer';
import { openStorage } from './wiring/stores';
import { suppressionOf } from './wiring/suppression';

/** A running backend. */
export interface RunningBackend {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly port: number;
  /** Graceful stop: no new requests, finish those in flight and the sends, close the stores. */
  close(): Promise<void>;
}

/** Refused configuration (production safety checks): names the environment variable. */
export class BackendConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'BackendConfigError';
  }
}

/** Starts the example backend in this process: storage, mailer, live dispatcher and HTTP server. */
export async function startBackend(config: BackendConfig = {}): Promise<RunningBackend> {
  const logger = createLogger(config.logStream);
  const secrets = settleSecrets(config);
  if (E.isLeft(secrets)) throw new BackendConfigError(secrets.left.variable, secrets.left.message);
  for (const warning of secrets.right.warnings) logger.warn(warning);

  const storage = await openStorage(config);
  const { mailer, description: mail } = openMailer(config);
  const renderer = createRenderer({ linkSecret: secrets.right.linkSecret });
  let live;
  try {
    live = await createLiveDispatcher({
      store: storage.store,
      mailer,
      renderer,
      isSuppressed: suppressionOf(storage.keyStore),
      // One line per email sent, retried, failed or skipped (ids only, no addresses).
      log: ({ level, msg, ...fields }) => logger[level](fields, msg),
      dispatcherId: config.dispatcherId ?? `${hostname()}-${process.pid}`,
      schema: storage.schema,
      ...(storage.pool === undefined ? {} : { pool: storage.pool }),
    });
  } catch (error) {
    await mailer.close().catch(() => undefined);
    await storage.close().catch(() => undefined);
    throw error;
  }
  const { dispatcher } = live;

  const app: App = {
    store: storage.store,
    keyStore: storage.keyStore,
    commands: createCommandService(storage.store),
    renderer,
    linkSecret: secrets.right.linkSecret,
    now: () => realClock.now(),
    emailsOf: (meetingId) => dispatcher.emails(meetingId),
  };
  const http = createHttpServer(
    logger,
    [meetingRoutes(app), accountRoutes(app), linkRoutes(app), privacyRoutes(app), adminRoutes(), openApiRoute()],
    config.adminToken,
  );

  try {
    await dispatcher.start();
    // Fastify listens on localhost only unless told; the service listens on every interface by default.
    await http.fastify.listen({ port: config.port ?? 3000, host: config.host ?? '::' });
  } catch (error) {
    await http.fastify.close().catch(() => undefined);
    await dispatcher.stop().catch(() => undefined);
    await live.close().catch(() => undefined);
    await mailer.close().catch(() => undefined);
    await storage.close().catch(() => undefined);
    throw error;
  }

  const { port } = http.fastify.server.address() as AddressInfo;
  const shownHost = config.host === undefined || config.host === '::' || config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`;
  logger.info({ url, port, events: storage.description.events, keys: storage.description.keys, mail }, 'listening');

  let closing: Promise<void> | undefined;
  const close = async (): Promise<void> => {
    logger.info('shutting down');
    await http.drain(config.shutdownGraceMs ?? 10_000);
    // The dispatcher finishes the sends in flight and stores its checkpoint before the store closes.
    await dispatcher.stop();
    await live.close();
    await mailer.close();
    await storage.close();
    logger.info('stopped');
  };
  return { url, port, close: () => (closing ??= close()) };
}
