import type { ServerWritableStream } from '@grpc/grpc-js';
import type { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { StreamIdentifier } from '@eventstore/db-client/generated/shared_pb';

/** A Read call as the server sees it: it writes messages, or messages it encoded before. */
export type ReadCall = ServerWritableStream<ReadReq, ReadResp | Buffer>;

/**
 * Writes one message, waiting for 'drain' when grpc-js buffers are full: without this a read of
 * a long stream would sit in server memory whatever pace the client reads at.
 * Resolves false once the client has gone.
 */
export async function send(call: ReadCall, message: ReadResp | Buffer): Promise<boolean> {
  if (call.cancelled) return false;
  if (call.write(message)) return true;
  await new Promise<void>((resolve) => {
    const settle = (): void => {
      call.off('drain', settle);
      call.off('cancelled', settle);
      resolve();
    };
    call.on('drain', settle);
    call.on('cancelled', settle);
  });
  return !call.cancelled;
}

/** Resolves when the client cancels the call (or the server shuts down). */
export function whenCancelled(call: ReadCall): Promise<void> {
  if (call.cancelled) return Promise.resolve();
  return new Promise((resolve) => call.once('cancelled', () => resolve()));
}

/** The stream name carried as UTF-8 bytes. */
export function streamNameOf(identifier: StreamIdentifier | undefined): string {
  return identifier ? Buffer.from(identifier.getStreamName_asU8()).toString('utf8') : '';
}
