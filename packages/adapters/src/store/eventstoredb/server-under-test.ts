import { randomUUID } from 'node:crypto';
import { startInProcessEventStoreDb, type InProcessEventStoreDb } from '../../testing/esdb-server';

/** The server a test talks to. */
export interface ServerUnderTest {
  readonly url: string;
  /**
   * A stream prefix unique to this test when the server is shared (a real one keeps everything
   * it was ever sent); undefined for a fresh in-process server, which starts empty.
   */
  readonly streamPrefix: string | undefined;
  /** The in-process server, when the test runs against one (it can hold an append in flight). */
  readonly inProcess?: InProcessEventStoreDb;
  stop(): Promise<void>;
}

/** The real server at EVENTSTORE_URL when set, else a fresh in-process one. */
export async function serverUnderTest(): Promise<ServerUnderTest> {
  const real = process.env['EVENTSTORE_URL'];
  if (real) return { url: real, streamPrefix: `test-${randomUUID()}-`, stop: async () => undefined };
  const server = await startInProcessEventStoreDb();
  return { url: server.url, streamPrefix: undefined, inProcess: server, stop: () => server.stop() };
}

/** The store options that isolate a test on its server. */
export function isolation(server: ServerUnderTest): { streamPrefix?: string } {
  return server.streamPrefix === undefined ? {} : { streamPrefix: server.streamPrefix };
}
