import type { Tree } from './persistent-tree';
import { hashString, treeGet, treeSet } from './persistent-tree';

// Meetings, accounts and users are looked up by id and never listed in order. A Planner's plan
// keeps them in a persistent tree ordered by a hash of the id first (comparing two numbers is
// cheaper than comparing ids that share a long prefix, "meeting-000123..."); a planning session,
// which owns its plan alone, keeps them in a plain Map and changes it in place.

/** A map from ids to values. `set` returns the map to use from then on. */
export interface ById<V> {
  get(id: string): V | undefined;
  /** The map with `id` set to `value`: a new map (persistent), or this one changed (mutable). */
  set(id: string, value: V): ById<V>;
}

/** An id with its hash, the key of the persistent tree. */
class IdKey {
  readonly hash: number;
  constructor(readonly id: string) {
    this.hash = hashString(id);
  }
}

function compareIdKeys(a: IdKey, b: IdKey): number {
  if (a.hash !== b.hash) return a.hash - b.hash;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

class PersistentById<V> implements ById<V> {
  constructor(private readonly tree: Tree<IdKey, V>) {}

  get(id: string): V | undefined {
    return treeGet(this.tree, new IdKey(id), compareIdKeys);
  }

  set(id: string, value: V): ById<V> {
    const key = new IdKey(id);
    // The priority must not follow the key order, or the treap degenerates into a list.
    return new PersistentById(treeSet(this.tree, key, value, Math.imul(key.hash ^ 0x5bd1e995, 0x9e3779b1) >>> 2, compareIdKeys));
  }
}

class MutableById<V> implements ById<V> {
  private readonly map = new Map<string, V>();

  get(id: string): V | undefined {
    return this.map.get(id);
  }

  set(id: string, value: V): ById<V> {
    this.map.set(id, value);
    return this;
  }
}

const empty = new PersistentById<never>(undefined);

/** The empty persistent map: every version stays as it was. */
export function persistentById<V>(): ById<V> {
  return empty;
}

/** A new empty mutable map, for a plan with a single owner. */
export function mutableById<V>(): ById<V> {
  return new MutableById<V>();
}
