/**
 * How the PostgreSQL store numbers the global order. A transaction's events take consecutive
 * positions inside a block of this many that belongs to its transaction id, so ordering by
 * position is ordering by (transaction id, place in the transaction) with one bigint.
 * 2^20 leaves 43 bits for transaction ids after the origin: 8.8 trillion appending transactions.
 */
export const slotsPerTransaction = 1_048_576;
