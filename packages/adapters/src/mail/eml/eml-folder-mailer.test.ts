import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeMailerContract, sampleIcs, sampleOutgoingEmail } from '../../testing/mailer-contract';
import { envelopeRecipients } from '../envelope';
import { keyHash, messageIdFor } from '../message-id';
import { receivedFromMime } from '../received/received-from-mime';
import { createEmlFolderMailer } from './eml-folder-mailer';
import { parseOutboxEntry } from './outbox-entry';

const freshDir = () => mkdtemp(join(tmpdir(), 'rendezvous-outbox-'));

/** The outbox as a reader sees it: each .eml parsed, with the envelope from its .json, in file order. */
async function readOutbox(dir: string) {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.eml')).sort();
  return Promise.all(
    names.map(async (name) => {
      const entry = parseOutboxEntry(await readFile(join(dir, name.replace(/\.eml$/, '.json')), 'utf8'))!;
      return receivedFromMime(await readFile(join(dir, name)), envelopeRecipients(entry));
    }),
  );
}

describeMailerContract('.eml folder (parsed back with mailparser)', async () => {
  const dir = await freshDir();
  const mailer = createEmlFolderMailer({ dir });
  return {
    mailer,
    received: () => readOutbox(dir),
    teardown: async () => {
      await mailer.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

describe('.eml folder mailer', () => {
  let dir: string;
  const writtenAt = new Date('2026-03-02T10:00:00Z');
  beforeEach(async () => {
    dir = await freshDir();
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the .eml, its HTML body, its envelope and an index, named by sentAt and key hash', async () => {
    const mailer = createEmlFolderMailer({ dir, now: () => writtenAt });
    const email = sampleOutgoingEmail({ sentAt: '2026-03-02T09:00:00Z', bcc: ['archive@acme.com'], calendar: { method: 'REQUEST', ics: sampleIcs('REQUEST') } });
    const receipt = await mailer.send(email);
    const stem = `20260302T090000.000Z-${keyHash(email.idempotencyKey).slice(0, 16)}`;
    expect(receipt).toEqual({ messageId: messageIdFor(email), acceptedAt: '2026-03-02T10:00:00.000Z', response: `written to ${join(dir, `${stem}.eml`)}` });
    expect((await readdir(dir)).sort()).toEqual([`${stem}.eml`, `${stem}.html`, `${stem}.json`, 'index.html']);
    expect(await readFile(join(dir, `${stem}.html`), 'utf8')).toBe(email.html);
    const eml = await readFile(join(dir, `${stem}.eml`), 'utf8');
    expect(eml).toMatch(/\r\n/);
    expect(eml).not.toContain('archive@acme.com');
    expect(eml).toMatch(/^Content-Type: text\/calendar; charset=utf-8; method=REQUEST$/m);
    expect(parseOutboxEntry(await readFile(join(dir, `${stem}.json`), 'utf8'))).toMatchObject({
      stem, messageId: messageIdFor(email), idempotencyKey: email.idempotencyKey, bcc: ['archive@acme.com'], calendarMethod: 'REQUEST', writtenAt: '2026-03-02T10:00:00.000Z',
    });
    await mailer.close();
  });

  it('escapes everything in the index, lists oldest first and links each subject to its HTML', async () => {
    const mailer = createEmlFolderMailer({ dir });
    const later = sampleOutgoingEmail({ sentAt: '2026-03-02T12:00:00Z', subject: 'Later <b>bold</b>' });
    const earlier = sampleOutgoingEmail({
      sentAt: '2026-03-02T08:00:00Z',
      subject: '<script>alert("x")</script> & co',
      to: [{ name: '"Eve" <img src=x onerror=alert(1)>', email: 'eve@example.com' }],
    });
    await mailer.send(later);
    await mailer.send(earlier);
    const index = await readFile(join(dir, 'index.html'), 'utf8');
    expect(index).not.toContain('<script>');
    expect(index).not.toContain('<img');
    expect(index).not.toContain('<b>');
    expect(index).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co');
    expect(index).toContain('&quot;Eve&quot; &lt;img src=x onerror=alert(1)&gt; &lt;eve@example.com&gt;');
    const subjects = [...index.matchAll(/<a href="([^"]+\.html)">([^<]*)</g)].map((m) => [m[1], m[2]]);
    expect(subjects).toEqual([
      [`20260302T080000.000Z-${keyHash(earlier.idempotencyKey).slice(0, 16)}.html`, '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co'],
      [`20260302T120000.000Z-${keyHash(later.idempotencyKey).slice(0, 16)}.html`, 'Later &lt;b&gt;bold&lt;/b&gt;'],
    ]);
    await mailer.close();
  });

  it('writes a key once, also across restarts and concurrent sends', async () => {
    const first = createEmlFolderMailer({ dir, now: () => writtenAt });
    const email = sampleOutgoingEmail();
    const [a, b] = await Promise.all([first.send(email), first.send({ ...email })]);
    await first.close();
    const second = createEmlFolderMailer({ dir });
    const c = await second.send({ ...email, subject: 'a re-render must not add a file' });
    await second.close();
    expect((await readdir(dir)).filter((n) => n.endsWith('.eml'))).toHaveLength(1);
    expect([a.messageId, b.messageId, c.messageId]).toEqual([messageIdFor(email), messageIdFor(email), messageIdFor(email)]);
    expect(c).toMatchObject({ acceptedAt: '2026-03-02T10:00:00.000Z', response: expect.stringMatching(/^already in the outbox as .+\.eml; not written again$/) });
    expect((await readOutbox(dir)).map((r) => r.subject)).toEqual([email.subject]);
  });

  it('keeps emails written by an earlier process in the regenerated index', async () => {
    const first = createEmlFolderMailer({ dir });
    await first.send(sampleOutgoingEmail({ subject: 'from the first run' }));
    await first.close();
    const second = createEmlFolderMailer({ dir });
    await second.send(sampleOutgoingEmail({ subject: 'from the second run' }));
    await second.close();
    const index = await readFile(join(dir, 'index.html'), 'utf8');
    expect(index.indexOf('from the first run')).toBeGreaterThan(0);
    expect(index.indexOf('from the second run')).toBeGreaterThan(index.indexOf('from the first run'));
  });

  it('fails as transient storage when the folder cannot be written, and works once it can', async () => {
    const blocked = join(dir, 'outbox');
    await writeFile(blocked, 'a file where the folder should be');
    const mailer = createEmlFolderMailer({ dir: blocked });
    const email = sampleOutgoingEmail();
    const error = await mailer.send(email).then(() => undefined, (e: unknown) => e);
    expect(error).toMatchObject({ kind: 'transient', reason: 'storage', idempotencyKey: email.idempotencyKey });
    expect((error as Error).message).toContain(blocked);
    await rm(blocked);
    await mailer.send(email);
    expect(await readdir(blocked)).toHaveLength(4);
    await mailer.close();
  });
});
