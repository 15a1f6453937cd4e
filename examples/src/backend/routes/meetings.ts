import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/Either';
import {
  meetingDecider,
  meetingStatus,
  meetingStream,
  type ExistingMeeting,
  type MeetingCommandType,
  type MeetingState,
} from '@rendezvous/domain';
import type { App } from '../app';
import { etagOf, expectedVersionOf } from '../http/if-match';
import { invalidFields, notFound, type Problem } from '../http/problem';
import { fail, json, type Reply, type RequestContext, type Route } from '../http/route';
import { meetingProblem, versionConflict } from '../problems/meeting';

/** The meeting's folded state and its stream version (-1: no such meeting). */
export async function loadMeeting(app: App, meetingId: string): Promise<{ state: MeetingState; version: number }> {
  let state = meetingDecider.initial;
  let version = -1;
  for await (const stored of app.store.readStream(meetingStream(meetingId))) {
    state = meetingDecider.evolve(state, stored.event as Parameters<typeof meetingDecider.evolve>[1]);
    version = stored.version;
  }
  return { state, version };
}

const noMeeting = (meetingId: string): Problem => notFound(`meeting ${meetingId} does not exist; schedule it first (POST /meetings)`, 'meeting-not-found', 'No such meeting');

/** Runs one meeting command built from the request body; answers 200/201 `{ version }` or a problem. */
async function runCommand(
  app: App,
  ctx: RequestContext,
  type: MeetingCommandType,
  meetingId: string,
  body: Record<string, unknown>,
  created: boolean,
): Promise<Reply> {
  const expected = expectedVersionOf(ctx.req);
  if (E.isLeft(expected)) return fail(expected.left);
  // The path names the meeting; a body that names another one is a mistake worth reporting.
  if (body['meetingId'] !== undefined && body['meetingId'] !== meetingId) {
    return fail(invalidFields([{ field: 'meetingId', detail: `the body names meeting ${JSON.stringify(body['meetingId'])} but the path names ${meetingId}; leave meetingId out of the body or make them match` }]));
  }
  const command = { ...body, type, now: app.now(), meetingId } as Parameters<typeof meetingDecider.decide>[0];
  const options = expected.right === undefined ? {} : { expectedVersion: expected.right };
  const result = await app.commands.handle(meetingStream(meetingId), meetingDecider, command, options);
  switch (result.kind) {
    case 'accepted': {
      const headers = { ETag: etagOf(result.version), ...(created ? { Location: `/meetings/${encodeURIComponent(meetingId)}` } : {}) };
      return json(created ? 201 : 200, created ? { meetingId, version: result.version } : { version: result.version }, headers);
    }
    case 'rejected':
      return fail(meetingProblem(result.error));
    case 'conflict':
      return fail(result.actual < 0 ? noMeeting(meetingId) : versionConflict(`meeting ${meetingId}`, `/meetings/${meetingId}`, result.expected, result.actual));
  }
}

function meetingView(meeting: ExistingMeeting, version: number, now: string) {
  return {
    meetingId: meeting.meetingId,
    accountId: meeting.accountId,
    status: meetingStatus(meeting, now),
    start: meeting.start,
    meetingType: meeting.meetingType,
    ...(meeting.description === undefined ? {} : { description: meeting.description }),
    host: meeting.host,
    hostAvailable: meeting.hostAvailable,
    guests: meeting.guests,
    createdBy: meeting.createdBy,
    ...(meeting.previousStart === undefined ? {} : { previousStart: meeting.previousStart }),
    ...(meeting.cancellation === undefined ? {} : { cancellation: meeting.cancellation }),
    ...(meeting.wrapUpNote === undefined ? {} : { wrapUpNote: meeting.wrapUpNote }),
    reviews: meeting.reviews,
    version,
  };
}

const command = (path: string, type: MeetingCommandType, body: Route['body'] = 'required') =>
  (app: App): Route => ({
    method: 'POST',
    pattern: `/meetings/:id/${path}`,
    body,
    async handle(ctx) {
      const body = await ctx.body();
      if (E.isLeft(body)) return fail(body.left);
      return runCommand(app, ctx, type, ctx.params['id'] ?? '', body.right, false);
    },
  });

/** The meeting routes of docs/CONTRACT.md §5. */
export function meetingRoutes(app: App): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/meetings',
      body: 'required',
      async handle(ctx) {
        const body = await ctx.body();
        if (E.isLeft(body)) return fail(body.left);
        const given = body.right['meetingId'];
        if (given !== undefined && typeof given !== 'string') {
          return fail(invalidFields([{ field: 'meetingId', detail: 'must be a string (or left out to get a generated one)' }]));
        }
        // An id the client chose is checked by the command codec like any other field.
        const meetingId = given ?? randomUUID();
        return runCommand(app, ctx, 'ScheduleMeeting', meetingId, { ...body.right, meetingId }, true);
      },
    },
    command('reschedule', 'RescheduleMeeting')(app),
    command('reassign', 'ReassignMeeting')(app),
    command('guests', 'InviteGuest')(app),
    command('cancel', 'CancelMeeting')(app),
    command('start', 'StartMeeting', 'optional')(app),
    command('end', 'EndMeeting', 'optional')(app),
    command('wrap-up', 'LeaveWrapUpNote')(app),
    command('reviews', 'ReviewMeeting')(app),
    {
      method: 'GET',
      pattern: '/meetings/:id',
      body: 'none',
      async handle(ctx) {
        const meetingId = ctx.params['id'] ?? '';
        const { state, version } = await loadMeeting(app, meetingId);
        if (state.kind === 'none') return fail(noMeeting(meetingId));
        return json(200, meetingView(state, version, app.now()), { ETag: etagOf(version) });
      },
    },
    {
      method: 'GET',
      pattern: '/meetings/:id/emails',
      body: 'none',
      async handle(ctx) {
        const meetingId = ctx.params['id'] ?? '';
        const { state } = await loadMeeting(app, meetingId);
        if (state.kind === 'none') return fail(noMeeting(meetingId));
        return json(200, { meetingId, emails: app.emailsOf(meetingId) });
      },
    },
  ];
}
