import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as E from 'fp-ts/Either';
import { normalizeInstant } from '@rendezvous/domain';
import { replay } from '@rendezvous/notifications';
import { parseArgs } from './args';

// `pnpm replay` runs in the repository root; INIT_CWD is where the user typed the command,
// so a relative path means what they expect.
const cwd = process.env['INIT_CWD'] ?? process.cwd();

function fail(line: string): void {
  process.stderr.write(`${line.replace(/[\r\n]+/g, ' ')}\n`);
  process.exitCode = 2;
}

function readHistoryFile(file: string): E.Either<string, string> {
  try {
    return E.right(readFileSync(resolve(cwd, file), 'utf8'));
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : String(error);
    return E.left(`cannot read history file ${file}: ${why}`);
  }
}

function main(argv: readonly string[]): void {
  const args = parseArgs(argv);
  if (E.isLeft(args)) return fail(args.left);
  const { file, until } = args.right;
  if (until !== undefined && normalizeInstant(until) === undefined) {
    return fail(`--until: ${JSON.stringify(until)} is not an ISO 8601 instant with an offset (e.g. 2026-03-31T00:00:00Z)`);
  }
  const text = readHistoryFile(file);
  if (E.isLeft(text)) return fail(text.left);
  const emails = replay(text.right, until === undefined ? {} : { until });
  if (E.isLeft(emails)) return fail(emails.left.message);
  process.stdout.write(`${JSON.stringify(emails.right, null, 2)}\n`);
}

try {
  main(process.argv.slice(2));
} catch (error) {
  // A bug, not bad input; still one line and status 2, never a stack trace on stdout.
  fail(`replay failed: ${error instanceof Error ? error.message : String(error)}`);
}
