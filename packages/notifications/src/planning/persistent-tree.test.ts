import fc from 'fast-check';
import type { Tree } from './persistent-tree';
import { treeEachBetween, treeFirst, treeGet, treeRemove, treeSet, treeValues } from './persistent-tree';

const compare = (a: number, b: number) => a - b;

describe('the persistent ordered tree', () => {
  it('behaves like a sorted map, and every earlier version stays as it was', () => {
    const operation = fc.oneof(
      fc.record({ op: fc.constant('set' as const), key: fc.integer({ min: 0, max: 50 }), priority: fc.nat() }),
      fc.record({ op: fc.constant('remove' as const), key: fc.integer({ min: 0, max: 50 }) }),
    );
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 200 }), (ops) => {
        let tree: Tree<number, number> = undefined;
        const model = new Map<number, number>();
        const versions: [Tree<number, number>, number[]][] = [];
        for (const [i, o] of ops.entries()) {
          if (o.op === 'set') {
            tree = treeSet(tree, o.key, i, o.priority, compare);
            model.set(o.key, i);
          } else {
            tree = treeRemove(tree, o.key, compare);
            model.delete(o.key);
          }
          const sorted = [...model.keys()].sort(compare);
          versions.push([tree, sorted.map((k) => model.get(k)!)]);
          expect(treeFirst(tree)?.key).toBe(sorted[0]);
          expect(treeGet(tree, o.key, compare)).toBe(model.get(o.key));
        }
        for (const [version, values] of versions) expect(treeValues(version)).toEqual(values);
      }),
    );
  });

  it('visits a range without reading what lies outside it', () => {
    let tree: Tree<number, string> = undefined;
    for (let k = 0; k < 1000; k++) tree = treeSet(tree, k, `v${k}`, (k * 7919) % 1009, compare);
    const seen: number[] = [];
    let asked = 0;
    treeEachBetween(
      tree,
      (k) => {
        asked += 1;
        return k >= 500;
      },
      (k) => k < 505,
      (k) => seen.push(k),
    );
    expect(seen).toEqual([500, 501, 502, 503, 504]);
    expect(asked).toBeLessThan(100);
  });
});
