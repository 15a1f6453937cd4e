import * as t from 'io-ts';
import * as E from 'fp-ts/Either';
import { canonicalGuard } from './canonical';

/** One thing wrong with an input: where (a dotted field path) and what. */
export interface DecodeProblem {
  readonly path: string;
  readonly message: string;
}

/** A decoding failure as a value: the problems, one per field. */
export interface DecodeError {
  readonly type: 'DecodeError';
  readonly problems: readonly DecodeProblem[];
  readonly message: string;
}

// Intersections and unions add context entries keyed by member index ("0", "1"); those are
// not part of the path a person sees. Wrappers (exact, readonly, refinement) add no entry of
// their own, so look through them to find what actually appended the child entry.
const structural = new Set(['IntersectionType', 'UnionType']);
const wrappers = new Set(['ExactType', 'StrictType', 'ReadonlyType', 'RefinementType']);

function tagOf(type: t.Decoder<unknown, unknown>): string | undefined {
  let current = type as unknown as { _tag?: string; type?: unknown };
  while (current._tag !== undefined && wrappers.has(current._tag) && current.type !== undefined) {
    current = current.type as { _tag?: string; type?: unknown };
  }
  return current._tag;
}

function pathOf(context: t.Context, prefix: string): string {
  const keys: string[] = prefix === '' ? [] : [prefix];
  for (let i = 1; i < context.length; i++) {
    const parent = context[i - 1];
    const entry = context[i];
    if (parent === undefined || entry === undefined) continue;
    const parentTag = tagOf(parent.type);
    if (parentTag !== undefined && structural.has(parentTag)) continue;
    if (entry.key !== '') keys.push(entry.key);
  }
  return keys.join('.');
}

function describe(error: t.ValidationError): string {
  if (error.message !== undefined) return error.message;
  const last = error.context[error.context.length - 1];
  if (error.value === undefined) return 'is required';
  if (last === undefined) return 'is not valid';
  const type = last.type as unknown as { _tag?: string; name: string; keys?: Record<string, unknown>; value?: unknown };
  switch (type._tag) {
    case 'KeyofType':
      return `must be one of ${Object.keys(type.keys ?? {}).map((k) => JSON.stringify(k)).join(', ')}`;
    case 'LiteralType':
      return `must be ${JSON.stringify(type.value)}`;
    case 'StringType':
      return 'must be a string';
    case 'NumberType':
      return 'must be a number';
    case 'BooleanType':
      return 'must be true or false';
    case 'ArrayType':
    case 'ReadonlyArrayType':
      return 'must be an array';
    case 'InterfaceType':
    case 'PartialType':
    case 'DictionaryType':
      return 'must be an object';
    default:
      return `must be ${type.name}`;
  }
}

/** Formats problems as one short line each: `data.guests.0.email: not an email address`. */
export function formatProblems(problems: readonly DecodeProblem[]): string {
  return problems.map((p) => (p.path === '' ? p.message : `${p.path}: ${p.message}`)).join('\n');
}

/** Turns io-ts errors into problems with readable paths, without duplicates. */
export function toProblems(errors: t.Errors, prefix = ''): DecodeProblem[] {
  const seen = new Set<string>();
  const problems: DecodeProblem[] = [];
  for (const error of errors) {
    const problem = { path: pathOf(error.context, prefix), message: describe(error) };
    const key = `${problem.path}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

/** Builds a DecodeError value from problems. */
export function decodeError(problems: readonly DecodeProblem[]): DecodeError {
  return { type: 'DecodeError', problems, message: formatProblems(problems) };
}

/** Decodes `input` with `codec`; on failure, the problems name field paths under `prefix`. */
export function decode<A, O>(codec: t.Type<A, O, unknown>, input: unknown, prefix = ''): E.Either<DecodeError, A> {
  const result = codec.decode(input);
  return E.isRight(result) ? result : E.left(decodeError(toProblems(result.left, prefix)));
}

/**
 * `decode` for one codec, with a fast path: an input that decoding would return unchanged
 * (valid, canonical, no unknown field) comes back as it is; any other gets the full decode and
 * its error report.
 */
export function decoderOf<A, O>(codec: t.Type<A, O, unknown>, prefix = ''): (input: unknown) => E.Either<DecodeError, A> {
  const canonical = canonicalGuard(codec);
  return (input) => (canonical(input) ? E.right(input as A) : decode(codec, input, prefix));
}
