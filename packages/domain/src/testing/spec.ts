import * as E from 'fp-ts/Either';
import { fold, type Decider } from '../decider';
import { canonicalJson, jsonDiff, sameValue } from './diff';

// given/when/then for any decider, for test suites (jest or any runner that lets a thrown
// Error fail a test). Under jest the comparison goes through jest's own `expect`, so the diff
// looks like every other jest diff; elsewhere a JSON line diff is built here.

/** Thrown when a decider specification does not hold. */
export class SpecificationFailure extends Error {
  override readonly name = 'SpecificationFailure';
}

/** How a failed `then` shows the difference: jest's `expect` (when present) or a JSON line diff. */
export type Differ = 'jest' | 'json';

/** Options of `forDecider`. */
export interface SpecOptions {
  readonly differ?: Differ;
}

/** The `type` discriminators of an error union (any string when the errors have none). */
export type ErrorTypeOf<Error> = Error extends { readonly type: infer T extends string } ? T : string;

/** The outcome of `when`: assert the events recorded or the refusal. */
export interface Outcome<Event, State, Error> {
  /** Asserts the command is accepted with exactly `expected` events. */
  then(expected: readonly Event[]): void;
  /** Asserts the command is refused with an error of `errorType`; returns the error for further checks. */
  thenFails<T extends ErrorTypeOf<Error>>(errorType: T): [Extract<Error, { type: T }>] extends [never] ? Error : Extract<Error, { type: T }>;
  /** The state after the given events and the accepted command's events (asserts acceptance). */
  thenState(): State;
}

/** A specification in progress: the history is set, the command is next. */
export interface Given<Command, Event, State, Error> {
  /** Decides `command` on the state folded from the given events. */
  when(command: Command): Outcome<Event, State, Error>;
}

/** The entry point for one decider. */
export interface DeciderSpec<Command, Event, State, Error> extends Given<Command, Event, State, Error> {
  /** Sets the history the command is decided on (oldest first). */
  given(events: readonly Event[]): Given<Command, Event, State, Error>;
}

type JestExpect = (actual: unknown) => { toEqual(expected: unknown): void };

function jestExpect(): JestExpect | undefined {
  const candidate = (globalThis as { expect?: unknown }).expect;
  return typeof candidate === 'function' ? (candidate as JestExpect) : undefined;
}

function describeError(error: unknown): string {
  const { type, message } = (error ?? {}) as { type?: unknown; message?: unknown };
  return typeof type === 'string' ? `${type}${typeof message === 'string' ? `: ${message}` : ''}` : canonicalJson(error);
}

function assertEqual(context: string, expected: unknown, actual: unknown, differ: Differ): void {
  const expect = differ === 'jest' ? jestExpect() : undefined;
  if (expect === undefined) {
    if (!sameValue(expected, actual)) throw new SpecificationFailure(`${context}\n\n${jsonDiff(expected, actual)}`);
    return;
  }
  try {
    expect(actual).toEqual(expected);
  } catch (failure) {
    throw new SpecificationFailure(`${context}\n\n${failure instanceof Error ? failure.message : String(failure)}`);
  }
}

function outcome<C, Ev, S, Er>(decider: Decider<C, Ev, S, Er>, history: readonly Ev[], command: C, differ: Differ): Outcome<Ev, S, Er> {
  const state = fold(decider.evolve, decider.initial, history);
  const result = decider.decide(command, state);
  const name = (command as { type?: unknown }).type;
  const context = `given ${history.length} event(s), when ${typeof name === 'string' ? name : 'the command'}`;
  return {
    then(expected) {
      if (typeof expected === 'function') {
        throw new SpecificationFailure('an Outcome is not a promise: call .then(expectedEvents) on it instead of awaiting or returning it');
      }
      if (E.isLeft(result)) {
        throw new SpecificationFailure(`${context}: expected ${expected.length} event(s), but the command was refused with ${describeError(result.left)}`);
      }
      assertEqual(`${context}: the events differ`, expected, result.right, differ);
    },
    thenFails(errorType) {
      if (E.isRight(result)) {
        throw new SpecificationFailure(`${context}: expected a refusal of type ${errorType}, but the command was accepted with\n${canonicalJson(result.right)}`);
      }
      const actualType = (result.left as { type?: unknown }).type;
      if (actualType !== errorType) {
        throw new SpecificationFailure(`${context}: expected a refusal of type ${errorType}, but it was refused with ${describeError(result.left)}`);
      }
      return result.left as never;
    },
    thenState() {
      if (E.isLeft(result)) throw new SpecificationFailure(`${context}: expected acceptance, but the command was refused with ${describeError(result.left)}`);
      return fold(decider.evolve, state, result.right);
    },
  };
}

/**
 * Starts a given/when/then specification for `decider`:
 * `forDecider(meetingDecider).given([scheduled]).when(start).then([started])`.
 */
export function forDecider<C, Ev, S, Er>(decider: Decider<C, Ev, S, Er>, options: SpecOptions = {}): DeciderSpec<C, Ev, S, Er> {
  const differ = options.differ ?? 'jest';
  const given = (history: readonly Ev[]): Given<C, Ev, S, Er> => ({ when: (command) => outcome(decider, history, command, differ) });
  return { given, ...given([]) };
}
