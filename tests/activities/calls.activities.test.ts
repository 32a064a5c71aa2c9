import { createCallActivities } from '../../activities/calls.activities';
import { createLeadStatusActivities } from '../../activities/lead-status.activities';
import { DEFAULT_DEADLINES } from '../../domain/config/deadlines';
import { saveSettings } from '../../db/writes/settings-store';
import { buildLead, buildUser } from '../support/factories';
import { useTestDb } from '../support/test-db';

jest.setTimeout(180_000);

const testDb = useTestDb();

const HOUR = 3_600_000;

describe('next call attempt and start follow-up activities run twice leave the same rows as once', () => {
  it('armNextCallAttempt: the same time from the same call, whenever it runs', async () => {
    const owner = await buildUser(testDb.db);
    await saveSettings(testDb.db, { calls: { retryDelay: '4h' } }, owner.id);
    const lead = await buildLead(testDb.db, owner.id);
    const { armNextCallAttempt } = createCallActivities({ db: testDb.db });
    const at = '2026-11-27T15:00:00.000Z';

    const first = await armNextCallAttempt({ leadId: lead.id, at });
    expect(first).toEqual({ dueAt: new Date(Date.parse(at) + 4 * HOUR).toISOString() });
    const once = await testDb.db.lead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(once.nextFollowUpAt?.toISOString()).toBe(first.dueAt);
    expect(await armNextCallAttempt({ leadId: lead.id, at })).toEqual(first);
    expect(await testDb.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).toEqual(once);
  });

  it('armNextCallAttempt leaves an archived lead without a next follow-up', async () => {
    const owner = await buildUser(testDb.db);
    const lead = await buildLead(testDb.db, owner.id);
    await testDb.db.lead.update({ where: { id: lead.id }, data: { archivedAt: new Date() } });
    await createCallActivities({ db: testDb.db }).armNextCallAttempt({ leadId: lead.id, at: new Date().toISOString() });
    expect((await testDb.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).nextFollowUpAt).toBeNull();
  });

  it('armFollowUpAtStart: the cadence from the contact, then what the row holds; nothing for a lead no longer CONTACTED', async () => {
    const owner = await buildUser(testDb.db);
    const contactedAt = new Date('2026-11-30T10:00:00.000Z');
    const lead = await buildLead(testDb.db, owner.id);
    await testDb.db.lead.update({ where: { id: lead.id }, data: { status: 'CONTACTED', contactedAt } });
    const { armFollowUpAtStart } = createLeadStatusActivities({ db: testDb.db, automationGraceMs: DEFAULT_DEADLINES.automationGraceMs });
    const input = { leadId: lead.id, at: new Date().toISOString(), followUpMs: DEFAULT_DEADLINES.followUpMs };

    const first = await armFollowUpAtStart(input);
    expect(first).toEqual({ dueAt: new Date(contactedAt.getTime() + DEFAULT_DEADLINES.followUpMs).toISOString() });
    const once = await testDb.db.lead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(await armFollowUpAtStart({ ...input, at: new Date(Date.now() + HOUR).toISOString() })).toEqual(first);
    expect(await testDb.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).toEqual(once);

    await testDb.db.lead.update({ where: { id: lead.id }, data: { status: 'QUALIFIED', nextFollowUpAt: null } });
    expect(await armFollowUpAtStart(input)).toEqual({ dueAt: null });
    expect((await testDb.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).nextFollowUpAt).toBeNull();
  });
});
