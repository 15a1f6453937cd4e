import { randomUUID } from 'node:crypto';
import { status, type sendUnaryData, type ServerDuplexStream, type ServerUnaryCall, type ServiceError, type UntypedServiceImplementation } from '@grpc/grpc-js';
import {
  CreateResp,
  DeleteResp,
  GetInfoResp,
  ReadReq,
  UpdateResp,
  type CreateReq,
  type DeleteReq,
  type GetInfoReq,
  type ReadResp,
  type UpdateReq,
} from '@eventstore/db-client/generated/persistent_pb';
import type { UUID } from '@eventstore/db-client/generated/shared_pb';
import type { EventLog } from '../log';
import { uuidFromWire } from '../uuid';
import { PersistentGroup, type Consumer, type NackAction } from './group';
import { groupError, invalidArgument, persistentConfirmation, persistentEventMessage, subscriptionInfo } from './messages';
import { eventSourceOf, InvalidGroupRequest, settingsOf, sourceOf } from './settings';

type Unary<Req, Resp> = (call: ServerUnaryCall<Req, Resp>, callback: sendUnaryData<Resp>) => void;

const NACK_ACTIONS: Record<number, NackAction> = {
  [ReadReq.Nack.Action.PARK]: 'park',
  [ReadReq.Nack.Action.RETRY]: 'retry',
  [ReadReq.Nack.Action.SKIP]: 'skip',
  [ReadReq.Nack.Action.STOP]: 'stop',
};

const keyOf = (eventSource: string, groupName: string): string => `${eventSource}::${groupName}`;

function idsOf(message: { getIdsList(): UUID[] }): string[] {
  return message.getIdsList().flatMap((uuid) => uuidFromWire(uuid) ?? []);
}

/** The groups of one server, and the PersistentSubscriptions service over them. */
export class PersistentGroups {
  private readonly groups = new Map<string, PersistentGroup>();

  constructor(private readonly log: EventLog) {}

  /** Stops every group (server shutdown). */
  close(): void {
    for (const group of this.groups.values()) group.stop('the server is shutting down');
    this.groups.clear();
  }

  private missing(eventSource: string, groupName: string): ServiceError {
    return groupError(status.NOT_FOUND, 'persistent-subscription-does-not-exist', eventSource, groupName, `Subscription group ${groupName} on stream ${eventSource} does not exist.`);
  }

  private invalid(error: unknown): ServiceError | undefined {
    if (!(error instanceof InvalidGroupRequest)) return undefined;
    return invalidArgument(error.message);
  }

  /** The service's handlers; methods left out (List, ReplayParked, RestartSubsystem) answer UNIMPLEMENTED. */
  handlers(): UntypedServiceImplementation {
    return { create: this.create, update: this.update, delete: this.remove, getInfo: this.getInfo, read: this.read };
  }

  private readonly create: Unary<CreateReq, CreateResp> = (call, callback) => {
    const options = call.request.getOptions();
    if (!options) return callback({ code: status.INVALID_ARGUMENT, details: 'Create needs options' });
    try {
      const source = sourceOf(this.log, options);
      const groupName = options.getGroupName();
      const key = keyOf(source.eventSource, groupName);
      if (this.groups.has(key)) {
        return callback(groupError(status.ALREADY_EXISTS, 'persistent-subscription-exists', source.eventSource, groupName, `Subscription group ${groupName} on stream ${source.eventSource} exists.`));
      }
      this.groups.set(key, new PersistentGroup(this.log, groupName, source, settingsOf(options.getSettings())));
      callback(null, new CreateResp());
    } catch (error) {
      callback(this.invalid(error) ?? (error as ServiceError));
    }
  };

  /** Replaces a group's settings (and start): its consumers are dropped, and it goes on from its checkpoint. */
  private readonly update: Unary<UpdateReq, UpdateResp> = (call, callback) => {
    const options = call.request.getOptions();
    if (!options) return callback({ code: status.INVALID_ARGUMENT, details: 'Update needs options' });
    try {
      const source = sourceOf(this.log, options);
      const groupName = options.getGroupName();
      const key = keyOf(source.eventSource, groupName);
      const old = this.groups.get(key);
      if (old === undefined) return callback(this.missing(source.eventSource, groupName));
      const group = new PersistentGroup(this.log, groupName, { ...source, start: old.source.start }, settingsOf(options.getSettings()));
      group.resumeFrom(old.resumeIndex());
      old.stop('the subscription group was updated');
      this.groups.set(key, group);
      callback(null, new UpdateResp());
    } catch (error) {
      callback(this.invalid(error) ?? (error as ServiceError));
    }
  };

  private readonly remove: Unary<DeleteReq, DeleteResp> = (call, callback) => {
    const options = call.request.getOptions();
    if (!options) return callback({ code: status.INVALID_ARGUMENT, details: 'Delete needs options' });
    const eventSource = eventSourceOf(options);
    const key = keyOf(eventSource, options.getGroupName());
    const group = this.groups.get(key);
    if (group === undefined) return callback(this.missing(eventSource, options.getGroupName()));
    this.groups.delete(key);
    group.stop('the subscription group was deleted');
    callback(null, new DeleteResp());
  };

  private readonly getInfo: Unary<GetInfoReq, GetInfoResp> = (call, callback) => {
    const options = call.request.getOptions();
    if (!options) return callback({ code: status.INVALID_ARGUMENT, details: 'GetInfo needs options' });
    const eventSource = eventSourceOf(options);
    const group = this.groups.get(keyOf(eventSource, options.getGroupName()));
    if (group === undefined) return callback(this.missing(eventSource, options.getGroupName()));
    callback(null, new GetInfoResp().setSubscriptionInfo(subscriptionInfo(group)));
  };

  /**
   * Serves Read: the client's first message names the group and its buffer size; the server
   * confirms, then pushes messages while the client acks and nacks them by event id.
   */
  private readonly read = (call: ServerDuplexStream<ReadReq, ReadResp>): void => {
    let group: PersistentGroup | undefined;
    let consumer: Consumer | undefined;
    let ended = false;
    const end = (error?: ServiceError): void => {
      if (ended) return;
      ended = true;
      if (group !== undefined && consumer !== undefined) group.leave(consumer);
      if (error !== undefined) call.emit('error', error);
      else call.end();
    };
    call.on('data', (request: ReadReq) => {
      if (ended) return;
      const options = request.getOptions();
      if (options !== undefined) {
        if (group !== undefined) return end(invalidArgument('Read got its options twice'));
        const eventSource = eventSourceOf(options);
        const found = this.groups.get(keyOf(eventSource, options.getGroupName()));
        if (found === undefined) return end(this.missing(eventSource, options.getGroupName()));
        const structured = options.getUuidOption()?.hasStructured() ?? false;
        const joining: Consumer = {
          bufferSize: Math.max(1, options.getBufferSize()),
          connectionName: call.metadata.get('connection-name')[0]?.toString() ?? '',
          from: call.getPeer(),
          deliver: (record, retryCount) => void call.write(persistentEventMessage(record, retryCount, structured)),
          drop: (reason) => {
            consumer = undefined;
            end(groupError(status.CANCELLED, 'persistent-subscription-dropped', eventSource, options.getGroupName(), reason));
          },
        };
        if (found.isFull()) {
          return end(groupError(status.FAILED_PRECONDITION, 'maximum-subscribers-reached', eventSource, options.getGroupName(), 'Maximum subscriptions reached.'));
        }
        call.write(persistentConfirmation(`${eventSource}::${options.getGroupName()}::${randomUUID()}`));
        group = found;
        consumer = joining;
        found.join(joining);
        return;
      }
      if (group === undefined || consumer === undefined) return end(invalidArgument('Read got an ack or nack before its options'));
      const ack = request.getAck();
      if (ack !== undefined) group.ack(consumer, idsOf(ack));
      const nack = request.getNack();
      if (nack !== undefined) group.nack(consumer, idsOf(nack), NACK_ACTIONS[nack.getAction()] ?? 'retry', nack.getReason());
    });
    call.on('cancelled', () => end());
    call.on('end', () => end());
    call.on('error', () => end());
  };
}
