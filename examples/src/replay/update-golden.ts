// Regenerates the expected outputs of the golden histories from the library:
//   pnpm exec tsx examples/src/replay/update-golden.ts [part-of-a-name]
// Review every changed file (git diff) against docs/CONTRACT.md before committing it: the goldens
// are only worth something if a person has checked them.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as E from 'fp-ts/Either';
import { replay } from '@rendezvous/notifications';
import { goldenHistories } from './golden-files';

const filter = process.argv[2];
for (const history of goldenHistories().filter((h) => filter === undefined || h.name.includes(filter))) {
  const result = replay(readFileSync(history.path, 'utf8'));
  if (E.isRight(result)) {
    writeFileSync(history.expectedPath, `${JSON.stringify(result.right, null, 2)}\n`);
    if (history.kind === 'error') rmSync(history.errorPath);
    process.stdout.write(`${history.name}: ${result.right.length} emails${history.kind === 'error' ? ' (WAS AN ERROR: check why)' : ''}\n`);
  } else {
    writeFileSync(history.errorPath, `${result.left.message}\n`);
    if (history.kind === 'emails') rmSync(history.expectedPath);
    process.stdout.write(`${history.name}: ${result.left.message}${history.kind === 'emails' ? ' (WAS VALID: check why)' : ''}\n`);
  }
}
