import type * as Pg from 'pg';
import { requirePeer } from './require-peer';

// The one place that loads `pg`: importing @rendezvous/adapters/postgres without it installed
// fails with a sentence naming it (ESLint keeps value imports of 'pg' out of other files).
const pg = requirePeer<typeof Pg>('pg', '@rendezvous/adapters/postgres');

export const Pool = pg.Pool;
export type Pool = Pg.Pool;
export const Client = pg.Client;
export type Client = Pg.Client;
export const escapeIdentifier = pg.escapeIdentifier;
