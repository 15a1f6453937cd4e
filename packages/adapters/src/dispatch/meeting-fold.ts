import { accountStream, meetingStream, userStream } from '@rendezvous/domain';
import type { Planner, PlanningSession } from '@rendezvous/notifications';
import type { EventStore, StoredEvent } from '../store/port';
import { withDeadline } from './deadline';

/** One meeting as the planner sees it at the moment it was folded. */
export interface MeetingFold {
  readonly meetingId: string;
  /** A planning session that holds this meeting's facts, its account's settings and its hosts' profiles. */
  readonly session: PlanningSession;
  /** False when the meeting stream holds nothing (an unknown meeting). */
  readonly known: boolean;
  /** LIVE or ended ('started'), or cancelled: a late reminder is skipped. */
  readonly over: 'started' | 'cancelled' | undefined;
}

async function collect(store: EventStore, streamId: string, timeoutMs: number): Promise<StoredEvent[]> {
  const read = async (): Promise<StoredEvent[]> => {
    const events: StoredEvent[] = [];
    for await (const stored of store.readStream(streamId)) events.push(stored);
    return events;
  };
  return withDeadline(read(), timeoutMs, `reading ${streamId}`);
}

/**
 * Folds one meeting with the same planner the replay uses: its stream, its account's stream
 * and the profile streams of every user who hosted it, merged in the store's global order. What
 * the planner needs from other streams is exactly these: an email is judged on its meeting, its
 * account's settings and its host's profile (rule 14 of the contract). Delivery records are not
 * read here; the caller reads the delivery streams of the emails it is about to handle.
 */
export async function foldMeeting(store: EventStore, planner: Planner, meetingId: string, timeoutMs: number): Promise<MeetingFold> {
  const own = await collect(store, meetingStream(meetingId), timeoutMs);
  const related = new Set<string>();
  let over: MeetingFold['over'];
  for (const { event } of own) {
    if (event.type === 'MeetingScheduled') related.add(accountStream(event.data.accountId));
    if (event.type === 'MeetingScheduled' || event.type === 'MeetingReassigned') related.add(userStream(event.data.host.userId));
    if (event.type === 'MeetingStarted' || event.type === 'MeetingEnded') over = 'started';
    if (event.type === 'MeetingCancelled') over = 'cancelled';
  }
  const others = await Promise.all([...related].map((streamId) => collect(store, streamId, timeoutMs)));
  const merged = own.concat(...others).sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
  const session = planner.session();
  for (const { event } of merged) session.evolve(event);
  return { meetingId, session, known: own.length > 0, over };
}
