import { createLeadStatusActivities } from '../../activities/lead-status.activities';
import { createLeadActivities } from '../../activities/leads.activities';
import { DEFAULT_DEADLINES } from '../../domain/config/deadlines';
import { buildLead, buildUser } from '../support/factories';
import { createTestDb, type TestDb } from '../support/test-db';

let testDb: TestDb;

beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(async () => {
  await testDb?.close();
});

/** Every row a lead status change may write. */
const rows = async (leadId: string) => ({
  lead: await testDb.db.lead.findUniqueOrThrow({ where: { id: leadId } }),
  tasks: await testDb.db.task.findMany({ where: { leadId }, orderBy: { id: 'asc' } }),
  events: await testDb.db.event.findMany({ orderBy: { id: 'asc' } }),
  deals: await testDb.db.deal.findMany({ where: { leadId } }),
});

describe('lead activities run twice with the same input leave the same rows as once', () => {
  it('createContactTask: one contact task, the same id back', async () => {
    const agent = await buildUser(testDb.db);
    const lead = await buildLead(testDb.db, agent.id);
    const { createContactTask } = createLeadActivities({ db: testDb.db });

    const first = await createContactTask({ leadId: lead.id, contactMs: DEFAULT_DEADLINES.contactMs });
    const once = await rows(lead.id);
    expect(await createContactTask({ leadId: lead.id, contactMs: DEFAULT_DEADLINES.contactMs })).toEqual(first);
    expect(await rows(lead.id)).toEqual(once);
    expect(once.tasks.map((task) => task.id)).toEqual([first.taskId]);
  });

  it.each([
    ['CONTACTED', undefined],
    ['DEAD', 'NOT_MOTIVATED'],
  ] as const)('applyLeadStatus to %s with the same step key', async (to, reason) => {
    const agent = await buildUser(testDb.db);
    const lead = await buildLead(testDb.db, agent.id);
    await createLeadActivities({ db: testDb.db }).createContactTask({ leadId: lead.id, contactMs: DEFAULT_DEADLINES.contactMs });
    const { applyLeadStatus } = createLeadStatusActivities({ db: testDb.db });
    const input = { leadId: lead.id, to, reason, actorId: agent.id, stepKey: 'run-1:s1', at: new Date().toISOString(), deadlines: DEFAULT_DEADLINES };

    const first = await applyLeadStatus(input);
    const once = await rows(lead.id);
    const second = await applyLeadStatus(input);

    expect(await rows(lead.id)).toEqual(once);
    expect(once.lead.status).toBe(to);
    expect(once.events.filter((event) => event.entityId === lead.id && event.action === 'status_changed')).toHaveLength(1);
    // The tasks it creates come back again; the contact task it closed does not (it is closed already).
    expect(second.createdTaskIds).toEqual(first.createdTaskIds);
  });
});
