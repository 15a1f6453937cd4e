import type * as E from 'fp-ts/Either';

/**
 * A decider: the pure heart of an aggregate. `decide` turns a command into new events or a
 * refusal, `evolve` folds one event into the state, `initial` is the state of an empty stream.
 * No clock reads, randomness or I/O: time and ids come in with the command.
 */
export interface Decider<Command, Event, State, Error> {
  /** Records what a command means as events, or refuses it with a typed error. */
  readonly decide: (command: Command, state: State) => E.Either<Error, readonly Event[]>;
  /** Applies one recorded event to the state. */
  readonly evolve: (state: State, event: Event) => State;
  readonly initial: State;
}

/** Folds events into a state with a decider's `evolve`. */
export function fold<Event, State>(evolve: (state: State, event: Event) => State, initial: State, events: Iterable<Event>): State {
  let state = initial;
  for (const event of events) state = evolve(state, event);
  return state;
}
