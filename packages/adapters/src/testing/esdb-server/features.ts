import type { sendUnaryData, ServerUnaryCall } from '@grpc/grpc-js';
import type { Empty } from '@eventstore/db-client/generated/shared_pb';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';

/** The server version announced to clients (one that has everything this server serves). */
export const SERVER_VERSION = '24.10.0';

// Only what this server implements: clients fall back to Append because BatchAppend is absent,
// and skip the projection APIs.
const METHODS: readonly (readonly [service: string, method: string, features: readonly string[]])[] = [
  ['event_store.client.streams.streams', 'read', ['position', 'events']],
  ['event_store.client.streams.streams', 'append', []],
  ['event_store.client.server_features.serverfeatures', 'getsupportedmethods', []],
  ...['create', 'update', 'delete', 'getinfo', 'read'].map(
    (method) => ['event_store.client.persistent_subscriptions.persistentsubscriptions', method, ['stream', 'all']] as const,
  ),
];

/** Serves ServerFeatures.GetSupportedMethods, which both clients call before their first command. */
export function supportedMethodsHandler(): (call: ServerUnaryCall<Empty, SupportedMethods>, callback: sendUnaryData<SupportedMethods>) => void {
  return (_call, callback) => {
    const methods = METHODS.map(([service, method, features]) =>
      new SupportedMethod().setServiceName(service).setMethodName(method).setFeaturesList([...features]),
    );
    callback(null, new SupportedMethods().setMethodsList(methods).setEventStoreServerVersion(SERVER_VERSION));
  };
}
