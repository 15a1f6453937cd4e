import * as E from 'fp-ts/Either';
import type { DomainEvent } from '@rendezvous/domain';
import { decodeEvent, isDeliveryEvent, toMillis } from '@rendezvous/domain';
import { createHistoryChecker } from './check';
import { type ReplayError, recordError } from './errors';

const typeOf = (raw: unknown): unknown => (typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined);

/**
 * Decodes and checks every record of a history, in order: each must decode, come no earlier
 * than the one before it, and be an event some valid command could have recorded at that point.
 * The first record that fails is the error. The dispatcher's delivery records (in a history
 * exported from a live store) must decode but are then left out: they are not facts the
 * prediction depends on, and dispatchers with slightly different clocks write them out of order.
 */
export function readHistory(records: readonly unknown[]): E.Either<ReplayError, DomainEvent[]> {
  const checker = createHistoryChecker();
  const events: DomainEvent[] = [];
  let previous: DomainEvent | undefined;
  for (const [index, raw] of records.entries()) {
    const decoded = decodeEvent(raw);
    if (E.isLeft(decoded)) return E.left(recordError(index, typeOf(raw), decoded.left.message));
    const event = decoded.right;
    if (isDeliveryEvent(event)) continue;
    if (previous !== undefined && toMillis(event.occurredAt) < toMillis(previous.occurredAt)) {
      return E.left(
        recordError(
          index,
          event.type,
          `occurredAt: ${event.occurredAt} is before the previous record's ${previous.occurredAt}; records must be in the order they happened`,
        ),
      );
    }
    const accepted = checker.accept(event);
    if (E.isLeft(accepted)) return E.left(recordError(index, event.type, accepted.left));
    events.push(event);
    previous = event;
  }
  return E.right(events);
}
