import { UUID } from '@eventstore/db-client/generated/shared_pb';

function toSigned64(unsigned: bigint): bigint {
  return BigInt.asIntN(64, unsigned);
}

/** Reads a UUID in either wire form (the clients send strings; other clients send two int64s). */
export function uuidFromWire(uuid: UUID | undefined): string | undefined {
  if (!uuid) return undefined;
  if (uuid.hasStructured()) {
    const structured = uuid.getStructured()!;
    const most = BigInt.asUintN(64, BigInt(structured.getMostSignificantBits()));
    const least = BigInt.asUintN(64, BigInt(structured.getLeastSignificantBits()));
    const hex = most.toString(16).padStart(16, '0') + least.toString(16).padStart(16, '0');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
  return uuid.getString() || undefined;
}

/** Writes a UUID in the form the reader asked for in its `uuid_option`. */
export function uuidToWire(id: string, structured: boolean): UUID {
  const uuid = new UUID();
  if (!structured) return uuid.setString(id);
  const hex = id.replace(/-/g, '');
  const parts = new UUID.Structured()
    // The real server sends Java-style signed halves.
    .setMostSignificantBits(toSigned64(BigInt(`0x${hex.slice(0, 16)}`)).toString())
    .setLeastSignificantBits(toSigned64(BigInt(`0x${hex.slice(16)}`)).toString());
  return uuid.setStructured(parts);
}
