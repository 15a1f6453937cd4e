import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport } from '../../peers/nodemailer';
import type { OutgoingEmail } from '@rendezvous/notifications';
import { addressProblem } from '../envelope';
import { keyHash, messageIdFor } from '../message-id';
import { toMimeMessage } from '../mime';
import { MailDeliveryError, type Mailer, type SendReceipt } from '../port';
import { classifySmtpError } from '../smtp/classify';
import { writeFileAtomically } from './atomic-file';
import { outboxEntry, parseOutboxEntry, sortableInstant, type OutboxEntry } from './outbox-entry';
import { renderOutboxIndex } from './outbox-index';

/** Options of `createEmlFolderMailer`. */
export interface EmlFolderMailerOptions {
  /** The outbox folder (docs/CONTRACT.md §5 `OUTBOX_DIR`); created when missing. */
  readonly dir: string;
  /** The clock stamping `writtenAt` / `acceptedAt` (default: the wall clock). */
  readonly now?: () => Date;
}

const hashLength = 16;

interface OutboxState {
  readonly entries: OutboxEntry[];
  readonly byHash: Map<string, OutboxEntry | undefined>;
  /** index.html lags behind the .eml files (its last write failed). */
  indexStale: boolean;
}
const hashOf = (stem: string) => stem.slice(stem.lastIndexOf('-') + 1);

/**
 * A mailer that writes each email into a folder instead of sending it: `<stem>.eml` (the MIME an
 * SMTP server would get), `<stem>.html` (its HTML body, to open in a browser), `<stem>.json` (the
 * envelope, blind copies included) and a regenerated `index.html`. Every file is written atomically;
 * an idempotency key already in the folder is not written again. The embedded default when no SMTP
 * server is configured.
 */
export function createEmlFolderMailer(options: EmlFolderMailerOptions): Mailer {
  const { dir } = options;
  const now = options.now ?? (() => new Date());
  // nodemailer's stream transport builds the message exactly as the SMTP transport would, CRLF included.
  const composer = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  let loaded: Promise<OutboxState> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  const storageError = (email: OutgoingEmail, error: unknown) => {
    const code = (error as { code?: unknown }).code;
    return new MailDeliveryError('transient', 'storage', `email ${email.idempotencyKey} was not written to ${dir}: ${String((error as Error).message ?? error)}`, {
      idempotencyKey: email.idempotencyKey,
      cause: error,
      ...(typeof code === 'number' ? { code } : {}),
    });
  };

  // What an earlier process left: entries in file order (= sentAt order), and every key hash with an .eml.
  const load = async (): Promise<OutboxState> => {
    await mkdir(dir, { recursive: true });
    const names = await readdir(dir);
    const stems = names.filter((n) => n.endsWith('.eml') && !n.startsWith('.')).map((n) => n.slice(0, -4)).sort();
    const byHash = new Map<string, OutboxEntry | undefined>();
    for (const stem of stems) {
      const json = names.includes(`${stem}.json`) ? await readFile(join(dir, `${stem}.json`), 'utf8') : undefined;
      byHash.set(hashOf(stem), json === undefined ? undefined : parseOutboxEntry(json));
    }
    const entries = [...byHash.values()].filter((e): e is OutboxEntry => e !== undefined);
    return { entries, byHash, indexStale: true };
  };

  const writeIndex = async (state: OutboxState) => {
    state.indexStale = true;
    await writeFileAtomically(join(dir, 'index.html'), renderOutboxIndex(state.entries));
    state.indexStale = false;
  };

  async function write(email: OutgoingEmail): Promise<SendReceipt> {
    const messageId = messageIdFor(email);
    const hash = keyHash(email.idempotencyKey).slice(0, hashLength);
    loaded ??= load();
    const state = await loaded.catch((error: unknown) => {
      loaded = undefined; // let the next send try again (the folder may be fixed by then)
      throw storageError(email, error);
    });
    if (state.byHash.has(hash)) {
      const earlier = state.byHash.get(hash);
      if (state.indexStale) await writeIndex(state).catch((error: unknown) => Promise.reject(storageError(email, error)));
      return {
        messageId,
        ...(earlier ? { acceptedAt: earlier.writtenAt } : {}),
        response: `already in the outbox${earlier ? ` as ${earlier.stem}.eml` : ''}; not written again`,
      };
    }
    let raw: Buffer;
    try {
      raw = (await composer.sendMail(toMimeMessage(email))).message as Buffer;
    } catch (error) {
      throw classifySmtpError(error, email.idempotencyKey);
    }
    const sentAt = new Date(email.sentAt);
    const writtenAt = now();
    const stem = `${sortableInstant(Number.isNaN(sentAt.getTime()) ? writtenAt : sentAt)}-${hash}`;
    const entry = outboxEntry(email, stem, messageId, writtenAt.toISOString());
    try {
      // The .eml goes last but one: it is what marks the key as written, so a crash before it
      // means the next attempt writes everything again, and the index never lists a missing file.
      await writeFileAtomically(join(dir, `${stem}.html`), email.html);
      await writeFileAtomically(join(dir, `${stem}.json`), `${JSON.stringify(entry, null, 2)}\n`);
      await writeFileAtomically(join(dir, `${stem}.eml`), raw);
      state.byHash.set(hash, entry);
      const at = state.entries.findIndex((e) => e.stem.slice(0, -hashLength - 1) > stem.slice(0, -hashLength - 1));
      state.entries.splice(at < 0 ? state.entries.length : at, 0, entry);
      await writeIndex(state);
    } catch (error) {
      throw storageError(email, error);
    }
    return { messageId, acceptedAt: entry.writtenAt, response: `written to ${join(dir, `${stem}.eml`)}` };
  }

  return {
    send(email) {
      if (closed) {
        return Promise.reject(
          new MailDeliveryError('transient', 'closed', `email ${email.idempotencyKey} was not written: the outbox mailer is closed`, {
            idempotencyKey: email.idempotencyKey,
          }),
        );
      }
      const invalid = addressProblem(email);
      if (invalid) return Promise.reject(invalid);
      // One write at a time: two sends of one key must not both find it absent.
      const result = queue.then(() => write(email));
      queue = result.catch(() => undefined);
      return result;
    },
    async close() {
      closed = true;
      await queue;
      composer.close();
    },
  };
}
