import type * as t from 'io-ts';

// Decoding with io-ts allocates a context entry per field, an Either per value and a copy per
// exact object, whether or not anything is wrong: on the command path that cost more client
// CPU than the rest of a booking. Most inputs are already exactly what decoding would return:
// valid, instants in canonical UTC form, no unknown fields. `canonicalGuard` compiles a codec
// into a plain predicate that recognises those inputs, so `decoderOf` (decode.ts) can hand them back
// as they are and leave io-ts to the rest, which keeps every error report as it was.
//
// The guard may be stricter than the codec (a `false` only costs the full decode), never
// looser: it answers `true` only when decoding would succeed and return an equal value.

type Guard = (u: unknown) => boolean;

/** Top-level keys a codec keeps on an object ('all' when it strips none). */
type Kept = ReadonlySet<string> | 'all';

interface Compiled {
  /** Valid, and every value inside unchanged by decoding (top-level extra keys not considered). */
  readonly test: Guard;
  readonly kept: Kept;
}

const selfDecoding = new WeakSet<object>();

/**
 * Declares that `codec.is(u)` holds only for inputs that `codec.decode` returns unchanged
 * (a validated string or number kept as is): the guard may then trust `is`.
 */
export function decodesToItself<C extends t.Mixed>(codec: C): C {
  selfDecoding.add(codec);
  return codec;
}

const never: Compiled = { test: () => false, kept: 'all' };
const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

// Plain objects only: io-ts accepts more (class instances), which the full decode still handles.
function isPlainObject(u: unknown): u is Record<string, unknown> {
  if (typeof u !== 'object' || u === null) return false;
  const proto = Object.getPrototypeOf(u) as unknown;
  return proto === Object.prototype || proto === null;
}

function keepsOnly(u: unknown, kept: Kept): boolean {
  if (kept === 'all') return true;
  if (!isPlainObject(u)) return true;
  for (const key of Object.getOwnPropertyNames(u)) if (!kept.has(key)) return false;
  return true;
}

/** The whole check for a value nested under a key: its own test and no key its codec would strip. */
function full(compiled: Compiled): Guard {
  const { test, kept } = compiled;
  return kept === 'all' ? test : (u) => test(u) && keepsOnly(u, kept);
}

interface Node {
  readonly _tag?: string;
  readonly props?: Record<string, t.Mixed>;
  readonly type?: t.Mixed;
  readonly types?: readonly t.Mixed[];
  readonly predicate?: (u: unknown) => boolean;
  readonly is: Guard;
}

function propsOf(node: Node): Record<string, t.Mixed> | undefined {
  switch (node._tag) {
    case 'RefinementType':
    case 'ReadonlyType':
      return node.type === undefined ? undefined : propsOf(node.type);
    case 'InterfaceType':
    case 'PartialType':
      return node.props;
    case 'IntersectionType': {
      const merged: Record<string, t.Mixed> = {};
      for (const member of node.types ?? []) {
        const props = propsOf(member);
        if (props === undefined) return undefined;
        Object.assign(merged, props);
      }
      return merged;
    }
    default:
      return undefined;
  }
}

// io-ts skips an optional field whose value is undefined unless its codec turns undefined into
// something else; ask the codec once which it does.
function keepsUndefined(codec: t.Mixed): boolean {
  const decoded = codec.decode(undefined);
  return decoded._tag === 'Left' || decoded.right === undefined;
}

function fields(props: Record<string, t.Mixed>, optional: boolean): Compiled {
  const keys = Object.keys(props);
  const checks = keys.map((key) => full(compile(props[key] as t.Mixed)));
  const absentOk = keys.map((key) => optional && keepsUndefined(props[key] as t.Mixed));
  return {
    test: (u) => {
      if (!isPlainObject(u)) return false;
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i] as string;
        const value = u[key];
        if (value === undefined ? !absentOk[i] : !hasOwn(u, key) || !(checks[i] as Guard)(value)) return false;
      }
      return true;
    },
    kept: 'all',
  };
}

function compile(codec: t.Mixed): Compiled {
  const node = codec as unknown as Node;
  if (selfDecoding.has(codec)) return { test: node.is, kept: 'all' };
  switch (node._tag) {
    case 'StringType':
    case 'NumberType':
    case 'BooleanType':
    case 'LiteralType':
    case 'KeyofType':
    case 'UnknownRecordType':
      // Decoding these returns the input itself.
      return { test: node.is, kept: 'all' };
    case 'InterfaceType':
      return node.props === undefined ? never : fields(node.props, false);
    case 'PartialType':
      return node.props === undefined ? never : fields(node.props, true);
    case 'ReadonlyType':
      return node.type === undefined ? never : compile(node.type);
    case 'RefinementType': {
      if (node.type === undefined || node.predicate === undefined) return never;
      const inner = compile(node.type);
      const predicate = node.predicate;
      return { test: (u) => inner.test(u) && predicate(u), kept: inner.kept };
    }
    case 'ExactType': {
      const props = node.type === undefined ? undefined : propsOf(node.type);
      if (props === undefined || node.type === undefined) return never;
      return { test: compile(node.type).test, kept: new Set(Object.keys(props)) };
    }
    case 'IntersectionType': {
      // Each member keeps its own keys and io-ts merges what they keep: the union survives.
      const members = (node.types ?? []).map(compile);
      if (members.length === 0) return never;
      const kept = members.some((m) => m.kept === 'all')
        ? 'all'
        : new Set(members.flatMap((m) => [...(m.kept as ReadonlySet<string>)]));
      const tests = members.map((m) => m.test);
      return {
        test: (u) => {
          if (!isPlainObject(u)) return false;
          for (const test of tests) if (!test(u)) return false;
          return true;
        },
        kept,
      };
    }
    case 'ArrayType':
    case 'ReadonlyArrayType': {
      if (node.type === undefined) return never;
      const element = full(compile(node.type));
      return {
        test: (u) => {
          if (!Array.isArray(u)) return false;
          for (const item of u) if (!element(item)) return false;
          return true;
        },
        kept: 'all',
      };
    }
    default:
      // A hand-made codec the guard cannot see into: always take the full decode.
      return never;
  }
}

/**
 * A predicate true only for inputs that `codec.decode` accepts and returns unchanged: valid,
 * canonical, with no field it would strip. Build it once per codec, not per call.
 */
export function canonicalGuard(codec: t.Mixed): Guard {
  return full(compile(codec));
}
