import type { Tree } from './persistent-tree';
import { hashString, treeGet, treeSet } from './persistent-tree';

// Meetings, accounts and users are looked up by id and never listed in order, so their tree is
// ordered by a hash of the id first: comparing two numbers is cheaper than comparing ids that
// share a long prefix ("meeting-000123..."), and the order is as good as any.

/** An id with its hash, the key of a ById map. */
export class IdKey {
  readonly hash: number;
  constructor(readonly id: string) {
    this.hash = hashString(id);
  }
}

function compareIdKeys(a: IdKey, b: IdKey): number {
  if (a.hash !== b.hash) return a.hash - b.hash;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A persistent map from ids to values. */
export type ById<V> = Tree<IdKey, V>;

/** The value stored for `id`, if any. */
export function getById<V>(map: ById<V>, id: string): V | undefined {
  return treeGet(map, new IdKey(id), compareIdKeys);
}

/** The map with `id` set to `value`. */
export function setById<V>(map: ById<V>, id: string, value: V): ById<V> {
  const key = new IdKey(id);
  // The priority must not follow the key order, or the treap degenerates into a list.
  return treeSet(map, key, value, Math.imul(key.hash ^ 0x5bd1e995, 0x9e3779b1) >>> 2, compareIdKeys);
}
