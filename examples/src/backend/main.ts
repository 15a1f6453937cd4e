import * as E from 'fp-ts/Either';
import { BackendConfigError, startBackend } from './backend';
import { configFromEnv } from './config';
import { createLogger } from './log';

// `pnpm backend` runs in the repository root; INIT_CWD is where the user typed it, so a
// relative OUTBOX_DIR means what they expect.
const cwd = process.env['INIT_CWD'] ?? process.cwd();
const log = createLogger();

function refuse(message: string): void {
  log.error(message);
  process.exitCode = 1;
}

async function main(): Promise<void> {
  const config = configFromEnv(process.env, cwd);
  if (E.isLeft(config)) return refuse(config.left.message);
  let backend;
  try {
    backend = await startBackend(config.right);
  } catch (error) {
    const message = error instanceof BackendConfigError ? error.message : `could not start: ${error instanceof Error ? error.message : String(error)}`;
    return refuse(message);
  }
  const running = backend;
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) {
      // A second signal means "now": the operator gave up waiting.
      log.warn(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    log.info(`${signal} received: finishing requests and sends in flight`);
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

// A bug anywhere outside a request (a timer, a stray promise) is logged; the service keeps
// serving rather than dropping every request in flight.
process.on('unhandledRejection', (reason) => log.error({ error: reason }, 'unhandled rejection'));
process.on('uncaughtException', (error) => log.error({ error }, 'uncaught exception'));

void main();
