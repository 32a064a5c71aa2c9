import { buildLead, buildUser } from '../support/factories';
import { startAppWithoutTemporal } from '../support/offline-app';
import { waitUntil } from '../support/wait-until';

jest.setTimeout(180_000);

const health = async (url: string) => {
  const response = await fetch(`${url}/api/health`);
  return { status: response.status, body: await response.json() };
};

it('answers 503 naming Temporal when Temporal is down, with the backlog of records waiting for their workflow', async () => {
  const app = await startAppWithoutTemporal();
  try {
    const owner = await buildUser(app.testDb.db);
    const older = await buildLead(app.testDb.db, owner.id, { createdAt: new Date(Date.now() - 60_000) });
    await buildLead(app.testDb.db, owner.id);
    // Results of checks run in the background: "unknown" until the first has answered. The database is
    // up here; on a machine busy enough one check can still miss its 2 s and say "down" (seen on
    // PostgreSQL beside another CI run), so the answer read is the first of a check the database answered.
    const { status, body } = await waitUntil('a background check the database answered', async () => {
      const answer = await health(app.url);
      return answer.body.temporal !== 'unknown' && answer.body.db === 'ok' ? answer : undefined;
    });
    expect(status).toBe(503);
    expect(body).toMatchObject({ status: 'down', db: 'ok', temporal: 'down' });
    expect(body.reconciler).toMatchObject({ backlog: 2, byKind: { lead: 2, buyer: 0, offer: 0, task: 0, document: 0, email: 0, import: 0 }, oldestCreatedAt: older.createdAt.toISOString() });
    expect(body.reconciler.oldestAgeMs).toBeGreaterThanOrEqual(60_000);
    expect(Date.parse(body.checkedAt)).not.toBeNaN();
  } finally {
    await app.close();
  }
});
