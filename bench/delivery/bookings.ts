import { messageIdFor, type EventStore, type Mailer } from '@rendezvous/adapters';
import { meetingStream, type DomainEvent } from '@rendezvous/domain';
import { aGuest, aHost, endMeeting, recorded, scheduleMeeting, startMeeting } from '@rendezvous/domain/testing';
import type { OutgoingEmail } from '@rendezvous/notifications';

const hourMs = 3_600_000;
const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The booking of meeting `meetingId` at `bookedMs` (start three days later) with `guests` guests:
 * its host's and guests' confirmations are due at once. Hosts and accounts repeat (13 hosts).
 */
export function booking(meetingId: string, n: number, guests: number, bookedMs: number): DomainEvent {
  return recorded(
    scheduleMeeting({
      meetingId,
      now: iso(bookedMs),
      start: iso(bookedMs + 72 * hourMs),
      host: aHost({ userId: `u-${n % 13}` }),
      guests: Array.from({ length: guests }, (_, g) => aGuest({ guestId: `g-${g}`, name: `Guest ${g}`, email: `guest-${g}-${meetingId}@example.com` })),
    }),
  );
}

/** A whole meeting, over for good: booked at `bookedMs`, started and ended two days later. */
export function finishedMeeting(meetingId: string, n: number, guests: number, bookedMs: number): DomainEvent[] {
  const startMs = bookedMs + 48 * hourMs;
  return [
    recorded(
      scheduleMeeting({
        meetingId,
        now: iso(bookedMs),
        start: iso(startMs),
        host: aHost({ userId: `u-${n % 13}` }),
        guests: Array.from({ length: guests }, (_, g) => aGuest({ guestId: `g-${g}`, name: `Guest ${g}`, email: `guest-${g}-${meetingId}@example.com` })),
      }),
    ),
    recorded(startMeeting({ meetingId, now: iso(startMs) })),
    recorded(endMeeting({ meetingId, now: iso(startMs + hourMs / 2) })),
  ];
}

/** Appends each meeting's events in one append, 16 meetings side by side. */
export async function appendMeetings(store: EventStore, meetings: readonly (readonly DomainEvent[])[]): Promise<void> {
  for (let i = 0; i < meetings.length; i += 16) {
    await Promise.all(
      meetings.slice(i, i + 16).map((events) => {
        const meetingId = (events[0]?.data as { meetingId: string }).meetingId;
        return store.append(meetingStream(meetingId), events, { kind: 'noStream' });
      }),
    );
  }
}

/** A mail server that takes `delayMs` per email (0: at once) and tells `accepted` of every email it took. */
export function benchMailer(delayMs: number, accepted: (email: OutgoingEmail, messageId: string) => void): Mailer {
  return {
    async send(email) {
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      const messageId = messageIdFor(email);
      accepted(email, messageId);
      return { messageId };
    },
    close: async () => undefined,
  };
}
