// A persistent ordered map (a treap): every update returns a new tree that shares all untouched
// nodes with the old one, so a Plan stays an immutable value while a fold over a million events
// allocates only O(log n) nodes per change. Priorities come from a hash of the key, not from
// randomness, so the same history always builds the same tree.

/** A tree node; `undefined` is the empty tree. */
export class TreeNode<K, V> {
  constructor(
    readonly key: K,
    readonly value: V,
    readonly priority: number,
    readonly left: Tree<K, V>,
    readonly right: Tree<K, V>,
  ) {}
}

/** A persistent ordered map; `undefined` is empty. */
export type Tree<K, V> = TreeNode<K, V> | undefined;

/** A total order on keys: negative, zero or positive. */
export type Compare<K> = (a: K, b: K) => number;

/** A well-mixed 30-bit hash of a string (FNV-1a), small enough to stay an unboxed integer. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 2;
}

/** The value stored under `key`, if any. */
export function treeGet<K, V>(tree: Tree<K, V>, key: K, compare: Compare<K>): V | undefined {
  let node = tree;
  while (node !== undefined) {
    const c = compare(key, node.key);
    if (c === 0) return node.value;
    node = c < 0 ? node.left : node.right;
  }
  return undefined;
}

/** The tree with `key` set to `value` (a new key takes `priority`, an existing one keeps its own). */
export function treeSet<K, V>(tree: Tree<K, V>, key: K, value: V, priority: number, compare: Compare<K>): TreeNode<K, V> {
  if (tree === undefined) return new TreeNode(key, value, priority, undefined, undefined);
  const c = compare(key, tree.key);
  if (c === 0) return new TreeNode(tree.key, value, tree.priority, tree.left, tree.right);
  if (c < 0) {
    const left = treeSet(tree.left, key, value, priority, compare);
    return left.priority > tree.priority
      ? new TreeNode(left.key, left.value, left.priority, left.left, new TreeNode(tree.key, tree.value, tree.priority, left.right, tree.right))
      : new TreeNode(tree.key, tree.value, tree.priority, left, tree.right);
  }
  const right = treeSet(tree.right, key, value, priority, compare);
  return right.priority > tree.priority
    ? new TreeNode(right.key, right.value, right.priority, new TreeNode(tree.key, tree.value, tree.priority, tree.left, right.left), right.right)
    : new TreeNode(tree.key, tree.value, tree.priority, tree.left, right);
}

function join<K, V>(smaller: Tree<K, V>, larger: Tree<K, V>): Tree<K, V> {
  if (smaller === undefined) return larger;
  if (larger === undefined) return smaller;
  return smaller.priority > larger.priority
    ? new TreeNode(smaller.key, smaller.value, smaller.priority, smaller.left, join(smaller.right, larger))
    : new TreeNode(larger.key, larger.value, larger.priority, join(smaller, larger.left), larger.right);
}

/** The tree without `key` (the same tree when the key is absent). */
export function treeRemove<K, V>(tree: Tree<K, V>, key: K, compare: Compare<K>): Tree<K, V> {
  if (tree === undefined) return undefined;
  const c = compare(key, tree.key);
  if (c === 0) return join(tree.left, tree.right);
  if (c < 0) {
    const left = treeRemove(tree.left, key, compare);
    return left === tree.left ? tree : new TreeNode(tree.key, tree.value, tree.priority, left, tree.right);
  }
  const right = treeRemove(tree.right, key, compare);
  return right === tree.right ? tree : new TreeNode(tree.key, tree.value, tree.priority, tree.left, right);
}

/** The node with the smallest key, if any. */
export function treeFirst<K, V>(tree: Tree<K, V>): TreeNode<K, V> | undefined {
  let node = tree;
  while (node?.left !== undefined) node = node.left;
  return node;
}

/**
 * Visits, in key order, the entries from the first for which `from(key)` holds (a bound that is
 * false, then true, along the order) while `within(key)` holds. The cost is the depth plus the
 * number visited, however large the tree.
 */
export function treeEachBetween<K, V>(
  tree: Tree<K, V>,
  from: (key: K) => boolean,
  within: (key: K) => boolean,
  visit: (key: K, value: V) => void,
): void {
  const stack: TreeNode<K, V>[] = [];
  const descend = (start: Tree<K, V>): void => {
    let node = start;
    while (node !== undefined) {
      if (from(node.key)) {
        stack.push(node);
        node = node.left;
      } else {
        node = node.right;
      }
    }
  };
  descend(tree);
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    if (!within(top.key)) return;
    visit(top.key, top.value);
    descend(top.right);
  }
}

/** Visits the entries in key order while `within(key)` holds (see treeEachBetween). */
export function treeEachWhile<K, V>(tree: Tree<K, V>, within: (key: K) => boolean, visit: (key: K, value: V) => void): void {
  treeEachBetween(tree, () => true, within, visit);
}

/** Every value in key order (for small trees and tests). */
export function treeValues<K, V>(tree: Tree<K, V>): V[] {
  const values: V[] = [];
  treeEachWhile(tree, () => true, (_key, value) => values.push(value));
  return values;
}
