// A bystander beside the dispatcher instances of a CPU burst: a process of its own that, every
// 20 ms, runs one fixed piece of work (no library code, no I/O) and notes the CPU time it was
// charged for it. The work never changes, so what its CPU time does between bursts is what the
// machine does to any code while they run: on this kind of virtual machine, time the host takes
// from a busy guest (no steal is reported) and caches shared with more processes.
import { median } from '../measure/stats';

/** Messages from the parent. */
export type BystanderCommand = { readonly type: 'start' } | { readonly type: 'stop' };

/** What it sends back on `stop`: the median CPU time of the fixed work over the samples. */
export interface BystanderReport {
  readonly type: 'bystander';
  readonly medianUs: number;
  readonly samples: number;
}

const everyMs = 20;

/** About a millisecond of allocation, JSON and sorting, the kind of work a dispatcher does. */
function fixedWork(): number {
  const rows = Array.from({ length: 400 }, (_, i) => ({ id: `m-${(i * 7919) % 400}`, at: 1_700_000_000_000 + i * 60_000, guests: [`g${i}@example.test`, `h${i}@example.test`] }));
  const copy = JSON.parse(JSON.stringify(rows)) as typeof rows;
  copy.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let html = '';
  for (const row of copy) html += `<tr><td>${row.id}</td><td>${new Date(row.at).toISOString()}</td><td>${row.guests.join(', ')}</td></tr>`;
  return html.length;
}

function main(): void {
  const samples: number[] = [];
  let timer: NodeJS.Timeout | undefined;
  let sink = 0;
  // Compiled and warm before the first sample counts.
  for (let i = 0; i < 300; i++) sink += fixedWork();
  process.on('message', (command: BystanderCommand) => {
    if (command.type === 'start') {
      samples.length = 0;
      timer = setInterval(() => {
        const before = process.cpuUsage();
        sink += fixedWork();
        const spent = process.cpuUsage(before);
        samples.push(spent.user + spent.system);
      }, everyMs);
    } else {
      clearInterval(timer);
      const report: BystanderReport = { type: 'bystander', medianUs: median(samples), samples: samples.length };
      process.send?.(report, () => process.exit(sink > 0 ? 0 : 1));
    }
  });
  process.on('disconnect', () => process.exit(1));
  process.send?.({ type: 'ready' });
}

main();
