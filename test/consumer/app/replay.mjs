// Replays a history file through the public API and prints the emails as JSON (what
// `pnpm replay` prints), or the error line.
import { readFileSync } from 'node:fs';
import { replay } from '@rendezvous/notifications';

const result = replay(readFileSync(process.argv[2], 'utf8'));
if (result._tag === 'Left') {
  process.stderr.write(`${result.left.message}\n`);
  process.exit(2);
}
process.stdout.write(JSON.stringify(result.right));
