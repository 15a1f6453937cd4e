import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/Either';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
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
import { sendProblem } from '../http/reply';
import type { BodyRule } from '../http/server';
import { operation } from '../openapi/operation';
import { meetingBodies, meetingView as meetingViewSchema, version } from '../openapi/shapes';
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

/** 404 for a meeting that was never scheduled. */
export const noMeeting = (meetingId: string): Problem => notFound(`meeting ${meetingId} does not exist; schedule it first (POST /meetings)`, 'meeting-not-found', 'No such meeting');

type IdParams = { id: string };
type Body = Record<string, unknown>;

/** Runs one meeting command built from the request body; answers 200/201 `{ version }` or a problem. */
async function runCommand(app: App, request: FastifyRequest, reply: FastifyReply, type: MeetingCommandType, meetingId: string, body: Body, created: boolean) {
  const expected = expectedVersionOf(request.headers);
  if (E.isLeft(expected)) return sendProblem(reply, expected.left);
  // The path names the meeting; a body that names another one is a mistake worth reporting.
  if (body['meetingId'] !== undefined && body['meetingId'] !== meetingId) {
    return sendProblem(reply, invalidFields([{ field: 'meetingId', detail: `the body names meeting ${JSON.stringify(body['meetingId'])} but the path names ${meetingId}; leave meetingId out of the body or make them match` }]));
  }
  const command = { ...body, type, now: app.now(), meetingId } as Parameters<typeof meetingDecider.decide>[0];
  const options = expected.right === undefined ? {} : { expectedVersion: expected.right };
  const result = await app.commands.handle(meetingStream(meetingId), meetingDecider, command, options);
  switch (result.kind) {
    case 'accepted':
      reply.header('ETag', etagOf(result.version));
      if (!created) return { version: result.version };
      reply.code(201).header('Location', `/meetings/${encodeURIComponent(meetingId)}`);
      return { meetingId, version: result.version };
    case 'rejected':
      return sendProblem(reply, meetingProblem(result.error));
    case 'conflict':
      // On a meeting that does not exist a command is a 404; scheduling with an If-Match that
      // does not hold (the meeting is new, or not at that version) is a version conflict.
      return sendProblem(reply, result.actual < 0 && !created ? noMeeting(meetingId) : versionConflict(`meeting ${meetingId}`, `/meetings/${meetingId}`, result.expected, result.actual));
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

/** The commands on an existing meeting: path, command type, and whether a body is needed. */
const commands: readonly (readonly [keyof typeof meetingBodies, MeetingCommandType, BodyRule])[] = [
  ['reschedule', 'RescheduleMeeting', 'required'],
  ['reassign', 'ReassignMeeting', 'required'],
  ['guests', 'InviteGuest', 'required'],
  ['cancel', 'CancelMeeting', 'required'],
  ['start', 'StartMeeting', 'optional'],
  ['end', 'EndMeeting', 'optional'],
  ['wrap-up', 'LeaveWrapUpNote', 'required'],
  ['reviews', 'ReviewMeeting', 'required'],
];

/** The meeting routes of docs/CONTRACT.md §5. */
export function meetingRoutes(app: App) {
  return async (fastify: FastifyInstance): Promise<void> => {
    const id = { id: { type: 'string', minLength: 1, description: 'the meeting id' } };
    const schedule = operation({
      summary: 'Schedule a meeting',
      tag: 'meetings',
      body: meetingBodies.schedule,
      ifMatch: true,
      ok: [201, { type: 'object', properties: { meetingId: { type: 'string' }, version }, required: ['meetingId', 'version'] }, 'scheduled; Location names the meeting'],
      errors: [409, 422],
    });
    fastify.post<{ Body: Body }>('/meetings', { config: { body: 'required' }, schema: schedule }, async (request, reply) => {
      const given = request.body['meetingId'];
      if (given !== undefined && typeof given !== 'string') {
        return sendProblem(reply, invalidFields([{ field: 'meetingId', detail: 'must be a string (or left out to get a generated one)' }]));
      }
      // A URL cannot name a meeting called . or .. (clients resolve them as path segments), so
      // such a meeting could never be read or changed again. Found by the fuzzer.
      if (given === '.' || given === '..') {
        return sendProblem(reply, invalidFields([{ field: 'meetingId', detail: `${JSON.stringify(given)} cannot be used as a meeting id: a URL path cannot name it; choose another id or leave meetingId out` }]));
      }
      // An id the client chose is checked by the command codec like any other field.
      const meetingId = given ?? randomUUID();
      return runCommand(app, request, reply, 'ScheduleMeeting', meetingId, { ...request.body, meetingId }, true);
    });

    for (const [path, type, body] of commands) {
      const schema = operation({
        summary: `${type} (docs/CONTRACT.md §1)`,
        tag: 'meetings',
        params: id,
        body: meetingBodies[path],
        ifMatch: true,
        ok: [200, { type: 'object', properties: { version }, required: ['version'] }, 'recorded'],
        errors: [404, 409, 422],
      });
      fastify.post<{ Params: IdParams; Body: Body }>(`/meetings/:id/${path}`, { config: { body }, schema }, async (request, reply) =>
        runCommand(app, request, reply, type, request.params.id, request.body, false),
      );
    }

    const read = operation({ summary: 'The meeting as it is now', tag: 'meetings', params: id, ok: [200, meetingViewSchema, 'the meeting; ETag is its version'], errors: [404] });
    fastify.get<{ Params: IdParams }>('/meetings/:id', { schema: read }, async (request, reply) => {
      const meetingId = request.params.id;
      const { state, version } = await loadMeeting(app, meetingId);
      if (state.kind === 'none') return sendProblem(reply, noMeeting(meetingId));
      reply.header('ETag', etagOf(version));
      return meetingView(state, version, app.now());
    });

    const emails = operation({
      summary: 'The emails sent and planned for the meeting, with their state',
      tag: 'meetings',
      params: id,
      ok: [200, { type: 'object', properties: { meetingId: { type: 'string' }, emails: { type: 'array', items: { type: 'object' } } }, required: ['meetingId', 'emails'] }, 'the emails'],
      errors: [404],
    });
    fastify.get<{ Params: IdParams }>('/meetings/:id/emails', { schema: emails }, async (request, reply) => {
      const meetingId = request.params.id;
      const { state } = await loadMeeting(app, meetingId);
      if (state.kind === 'none') return sendProblem(reply, noMeeting(meetingId));
      return { meetingId, emails: await app.emailsOf(meetingId) };
    });
  };
}
