/** How domain stream ids map to server stream names under an optional prefix. */
export interface StreamNames {
  /** The server's name for a domain stream id. */
  toServer(streamId: string): string;
  /** The domain stream id of a server stream name, or undefined when it is outside the prefix. */
  fromServer(streamName: string): string | undefined;
  /** The prefix (empty when none). */
  readonly prefix: string;
}

/** Stream naming under `prefix` (several applications or test runs can then share one server). */
export function streamNames(prefix = ''): StreamNames {
  return {
    prefix,
    toServer: (streamId) => prefix + streamId,
    fromServer: (streamName) => (streamName.startsWith(prefix) ? streamName.slice(prefix.length) : undefined),
  };
}
