import * as E from 'fp-ts/Either';

/** What the replay command was asked to do. */
export interface ReplayArgs {
  readonly file: string;
  readonly until?: string;
}

/** The one usage line printed with every usage error. */
export const usage = 'usage: pnpm --silent replay <history-file> [--until <instant>]';

/** Reads `<history-file> [--until <instant>]` (also `--until=<instant>`); a usage error is one line. */
export function parseArgs(argv: readonly string[]): E.Either<string, ReplayArgs> {
  let file: string | undefined;
  let until: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--until' || arg.startsWith('--until=')) {
      const value = arg === '--until' ? argv[++i] : arg.slice('--until='.length);
      if (value === undefined || value === '') return E.left(`--until needs an instant, e.g. --until 2026-03-31T00:00:00Z; ${usage}`);
      if (until !== undefined) return E.left(`--until is given twice; ${usage}`);
      until = value;
    } else if (arg === '--help' || arg === '-h') {
      return E.left(usage);
    } else if (arg.startsWith('-') && arg !== '-') {
      return E.left(`unknown option ${arg}; ${usage}`);
    } else if (file === undefined) {
      file = arg;
    } else {
      return E.left(`only one history file can be replayed at a time (got ${file} and ${arg}); ${usage}`);
    }
  }
  if (file === undefined) return E.left(`no history file given; ${usage}`);
  return E.right(until === undefined ? { file } : { file, until });
}
