import { startInProcessEventStoreDb, startSmtpCaptureServer } from '@rendezvous/adapters/test-servers';
import { readdir } from 'node:fs/promises';
import { call, eventually, scheduleBody, startTestBackend } from './testing/fixture';

// The other back ends the configuration can pick: SMTP instead of the .eml outbox, and
// EventStoreDB (here the in-process stand-in over real gRPC) instead of PostgreSQL.

it('sends through SMTP when SMTP_URL is set, and writes nothing to the outbox', async () => {
  const smtp = await startSmtpCaptureServer();
  const t = await startTestBackend('memory', { smtpUrl: smtp.url });
  try {
    expect((await call(t.url, 'POST', '/meetings', { json: scheduleBody({ meetingId: 'm-smtp' }) })).status).toBe(201);
    const messages = await eventually('two messages at the SMTP server', async () => (smtp.messages().length >= 2 ? smtp.messages() : undefined));
    expect(messages.map((m) => m.rcptTo.join(',')).sort()).toEqual(['gus@example.org', 'hanna@example.com']);
    expect(messages[0]?.raw.toString('utf8')).toContain('X-Rendezvous-Key: m-smtp:meeting-scheduled:');
    expect(t.logs.find((entry) => entry.msg === 'listening')).toMatchObject({ mail: `SMTP smtp://127.0.0.1:${smtp.port}` });
    expect(await readdir(t.outbox)).toEqual([]);
  } finally {
    await t.stop();
    await smtp.close();
  }
});

it('keeps events in EventStoreDB when EVENTSTORE_URL is set (privacy keys in PostgreSQL)', async () => {
  const esdb = await startInProcessEventStoreDb();
  const t = await startTestBackend('postgres', { eventStoreUrl: esdb.url });
  try {
    expect(t.logs.find((entry) => entry.msg === 'listening')).toMatchObject({ events: 'EventStoreDB', keys: `PostgreSQL (schema ${t.schema ?? ''})` });
    expect((await call(t.url, 'POST', '/meetings', { json: scheduleBody({ meetingId: 'm-esdb' }) })).body).toEqual({ meetingId: 'm-esdb', version: 0 });
    expect((await call(t.url, 'POST', '/meetings/m-esdb/start')).body).toEqual({ version: 1 });
    const meeting = await call(t.url, 'GET', '/meetings/m-esdb');
    expect(meeting.body).toMatchObject({ status: 'live', guests: [{ name: 'Gus Guest' }], version: 1 });
    await eventually('the confirmations sent', async () => {
      const { emails } = (await call(t.url, 'GET', '/meetings/m-esdb/emails')).body as { emails: { notification: string; state: string }[] };
      return emails.filter((e) => e.notification === 'meeting-scheduled' && e.state === 'sent').length === 2 ? true : undefined;
    });
  } finally {
    await t.stop();
    await esdb.stop();
  }
});
