// Instances die (kill -9: no cleanup, some between the mailer's acceptance and the record) and
// join while a burst goes out, sharing one PostgreSQL due index: every email goes out, one
// EmailSent each, copies only where an acceptance died unrecorded and with the same Message-ID,
// and a dead instance's emails go out within 30 s (clock time) of its death.
import { createPostgresEventStore, type PostgresEventStore } from '../store/postgres';
import { databaseUrl, testSchema } from '../store/postgres/test-schema';
import { burstWithChurn } from './churn.fixture';
import { createPostgresDueIndex, type PostgresDueIndex } from './due-index/postgres';

jest.setTimeout(180_000);

describe('instances that die and join during a burst, on PostgreSQL', () => {
  const database = testSchema('churn_test');
  const opened: (PostgresEventStore | PostgresDueIndex)[] = [];
  afterAll(async () => {
    await Promise.all(opened.map((o) => o.close()));
    await database.drop();
  });

  it('sends every email once (or an allowed copy), and a dead instance\'s emails within 30 s', async () => {
    const outcome = await burstWithChurn({
      meetings: 120,
      guests: 4,
      killAfter: [100, 350],
      openStore: async () => {
        const store = await createPostgresEventStore({ connectionString: databaseUrl, schema: database.schema, pollIntervalMs: 500 });
        opened.push(store);
        return store;
      },
      openIndex: async () => {
        const index = await createPostgresDueIndex({ connectionString: databaseUrl, schema: database.schema });
        opened.push(index);
        return index;
      },
    });
    if (process.env['RENDEZVOUS_DISPATCH_STATS'] === '1') process.stdout.write(`churn: ${JSON.stringify({ ...outcome, problems: outcome.problems.length })}\n`);
    expect(outcome.problems.slice(0, 10)).toEqual([]);
    expect(outcome.kills).toBe(2);
    expect(outcome.senders).toBeGreaterThanOrEqual(3);
    expect(outcome.recoveryMs).toBeLessThanOrEqual(30_000);
  });
});
