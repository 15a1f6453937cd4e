import { VersionConflictError } from '../errors';
import type { ExpectedVersion } from '../port';
import type { StreamStateLike } from './client';

/** The port's expected version in the clients' words (an exact version is a bigint revision). */
export function streamStateOf(expected: ExpectedVersion): StreamStateLike {
  switch (expected.kind) {
    case 'any':
      return 'any';
    case 'noStream':
      return 'no_stream';
    case 'streamExists':
      return 'stream_exists';
    case 'exact':
      return BigInt(expected.version);
  }
}

/** A revision or stream state as the port's version: -1 for a stream that does not exist. */
export function versionOf(state: unknown): number {
  return typeof state === 'bigint' ? Number(state) : -1;
}

interface WrongExpectedVersionLike {
  readonly type: 'wrong-expected-version';
  /** db-client 6 */
  readonly actualVersion?: unknown;
  /** kurrentdb-client */
  readonly actualState?: unknown;
}

function isWrongExpectedVersion(error: unknown): error is WrongExpectedVersionLike {
  return typeof error === 'object' && error !== null && (error as { type?: unknown }).type === 'wrong-expected-version';
}

/** The client's WrongExpectedVersionError as the port's VersionConflictError; undefined for other errors. */
export function versionConflictOf(error: unknown, streamId: string, expected: ExpectedVersion): VersionConflictError | undefined {
  if (!isWrongExpectedVersion(error)) return undefined;
  const conflict = new VersionConflictError(streamId, expected, versionOf(error.actualVersion ?? error.actualState));
  conflict.cause = error;
  return conflict;
}

/** Whether a read failed only because the stream has no events. */
export function isStreamNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { type?: unknown }).type === 'stream-not-found';
}
