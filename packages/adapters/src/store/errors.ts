import type { DecodeProblem } from '@rendezvous/domain';
import type { ExpectedVersion } from './port';

function describeExpected(expected: ExpectedVersion): string {
  switch (expected.kind) {
    case 'exact':
      return `version ${expected.version}`;
    case 'noStream':
      return 'no stream';
    case 'streamExists':
      return 'an existing stream';
    case 'any':
      return 'any version';
  }
}

/** The stream was not at the version the writer expected: someone else wrote first. */
export class VersionConflictError extends Error {
  readonly type = 'VersionConflict' as const;
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    /** The stream's current version, or -1 when it does not exist. */
    readonly actual: number,
  ) {
    super(`stream ${streamId}: expected ${describeExpected(expected)}, but it is ${actual < 0 ? 'absent' : `at version ${actual}`}`);
    this.name = 'VersionConflictError';
  }
}

/** An event read back from a store does not decode: names the stream, version and field paths. */
export class CorruptEventError extends Error {
  readonly type = 'CorruptEvent' as const;
  constructor(
    readonly streamId: string,
    readonly version: number,
    readonly problems: readonly DecodeProblem[],
  ) {
    super(`stream ${streamId} version ${version} does not decode: ${problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ')}`);
    this.name = 'CorruptEventError';
  }
}
