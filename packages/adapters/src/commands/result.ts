/** What became of a command: accepted with its events, refused by the rules, or beaten by another writer. */
export type CommandResult<Event, Error> =
  | {
      readonly kind: 'accepted';
      /** The events recorded (none when the command changed nothing). */
      readonly events: readonly Event[];
      /** The stream's version after the command (-1: the stream still does not exist). */
      readonly version: number;
    }
  | {
      readonly kind: 'rejected';
      /** The decider's error value, saying which rule refused the command. */
      readonly error: Error;
    }
  | {
      readonly kind: 'conflict';
      /** The version the command was decided on (or the caller's If-Match version). */
      readonly expected: number;
      /** The stream's version when the append was refused (-1: absent). */
      readonly actual: number;
    };
