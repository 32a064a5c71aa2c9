import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { nextCallAttemptIn, type CallRetryDelay } from '../../domain/calls/next-call-attempt';
import { DEFAULT_DEADLINES } from '../../domain/config/deadlines';
import { saveSettings } from '../../db/writes/settings-store';
import { leadWorkflowId } from '../../domain/workflow-ids';
import { leadWorkflow } from '../../workflows/leads/lead.workflow';
import { changeLeadStatusUpdate, getLeadStateQuery, leadCallLoggedSignal } from '../../workflows/leads/lead.messages';
import { buildLead, buildUser } from '../support/factories';
import { recordHistory, startTemporalDevServer, withWorker as runWithWorker } from '../support/temporal-env';
import { createTestDb, type TestDb } from '../support/test-db';
import { waitUntil } from '../support/wait-until';

jest.setTimeout(180_000);

const TASK_QUEUE = 'lead-calls-test';

let env: TestWorkflowEnvironment;
let testDb: TestDb;
let agentId: string;

beforeAll(async () => {
  [env, testDb] = await Promise.all([startTemporalDevServer(), createTestDb()]);
  agentId = (await buildUser(testDb.db, { role: 'AGENT' })).id;
});

afterAll(async () => {
  await env?.teardown();
  await testDb?.close();
});

const withWorker = <T>(run: () => Promise<T>): Promise<T> => runWithWorker(env, { db: testDb.db, deadlines: DEFAULT_DEADLINES, taskQueue: TASK_QUEUE }, run);

const startLeadWorkflow = (leadId: string, status: 'NEW' | 'CONTACTED' = 'NEW') =>
  env.client.workflow.start(leadWorkflow, { workflowId: leadWorkflowId(leadId), taskQueue: TASK_QUEUE, args: [{ leadId, status }] });

const chooseRetryDelay = (retryDelay: CallRetryDelay) => saveSettings(testDb.db, { calls: { retryDelay } }, agentId);

/** A lead already CONTACTED when its workflow starts (as the demo data's are), owned by someone in `timeZone`. */
async function contactedLead(timeZone: string, contactedAt = new Date()) {
  const owner = await buildUser(testDb.db, { role: 'AGENT' });
  const preferences = { muted: [], email: { assignments: 'NEVER', overdue: 'NEVER' }, timeZone };
  await testDb.db.user.update({ where: { id: owner.id }, data: { notificationPreferences: JSON.stringify(preferences) } });
  const lead = await buildLead(testDb.db, owner.id);
  return testDb.db.lead.update({ where: { id: lead.id }, data: { status: 'CONTACTED', contactedAt } });
}

/** The wall clock of an instant in a zone: "Friday 2027-01-08 15:30". */
const wallClock = (instant: Date, timeZone: string): string => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'long', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.weekday} ${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
};

/** 15:30 in Chicago on the first Friday at least two days ahead (a call in the future keeps the armed timer from firing during the test). */
function comingFridayAfternoonInChicago(): Date {
  // Walk UTC days, not Chicago days: the UTC date of "now + n days" can already be Saturday while Chicago is
  // still on Friday evening. 15:30 in Chicago is 21:30 UTC on standard time and 20:30 UTC on daylight time.
  const today = new Date();
  for (let days = 2; ; days += 1) {
    for (const utcHour of [21, 20]) {
      const candidate = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + days, utcHour, 30));
      if (/^Friday .* 15:30$/.test(wallClock(candidate, 'America/Chicago'))) return candidate;
    }
  }
}

describe('leadWorkflow and logged calls', () => {
  it('a first talk completes the open contact task and moves the lead to CONTACTED', async () => {
    const lead = await buildLead(testDb.db, agentId);
    await withWorker(async () => {
      const handle = await startLeadWorkflow(lead.id);
      const contactTask = await waitUntil('the contact task', () => testDb.db.task.findFirst({ where: { leadId: lead.id, status: 'ASSIGNED' } }));
      // What POST /api/leads/:id/calls sends for a first TALKED call.
      await handle.executeUpdate(changeLeadStatusUpdate, { args: [{ status: 'CONTACTED', actorId: agentId }] });
      expect(await testDb.db.task.findUniqueOrThrow({ where: { id: contactTask.id } })).toMatchObject({ status: 'COMPLETED' });
      expect(await testDb.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({ status: 'CONTACTED' });
      expect((await handle.query(getLeadStateQuery)).status).toBe('CONTACTED');
    });
  });

  it('no answer re-arms the next attempt a business day later: the follow-up timer and the next follow-up date move', async () => {
    const lead = await buildLead(testDb.db, agentId);
    await chooseRetryDelay('next-business-day');
    await withWorker(async () => {
      const handle = await startLeadWorkflow(lead.id);
      await waitUntil('the contact task', () => testDb.db.task.findFirst({ where: { leadId: lead.id, status: 'ASSIGNED' } }));
      await handle.executeUpdate(changeLeadStatusUpdate, { args: [{ status: 'CONTACTED', actorId: agentId }] });
      const before = (await handle.query(getLeadStateQuery)).followUpDueAt;
      expect(before).not.toBeNull();

      const sentAt = new Date();
      await handle.signal(leadCallLoggedSignal, { outcome: 'NO_ANSWER', at: sentAt.toISOString() });
      const state = await waitUntil('the next attempt armed', async () => {
        const current = await handle.query(getLeadStateQuery);
        return current.followUpDueAt !== before ? current : undefined;
      });
      // Counted from the call's time (the owner has no time zone saved: UTC), whenever the workflow handled it.
      expect(state.followUpDueAt).toBe(nextCallAttemptIn(sentAt, 'next-business-day', 'UTC').toISOString());
      const row = await testDb.db.lead.findUniqueOrThrow({ where: { id: lead.id } });
      expect(row.nextFollowUpAt?.toISOString()).toBe(state.followUpDueAt);
      expect(row.status).toBe('CONTACTED');

      // A talk is no attempt to re-arm: the signal leaves the timer where it is.
      await handle.signal(leadCallLoggedSignal, { outcome: 'TALKED', at: new Date().toISOString() });
      await handle.signal(leadCallLoggedSignal, { outcome: 'VOICEMAIL', at: new Date().toISOString() });
      const afterVoicemail = await waitUntil('the voicemail handled', async () => {
        const current = await handle.query(getLeadStateQuery);
        return current.step > state.step ? current : undefined;
      });
      expect(afterVoicemail.step).toBe(state.step + 1);
      await recordHistory(env, 'lead-call-attempts', handle.workflowId);
    });
  });

  it('a run that starts with the lead already CONTACTED arms its follow-up, counted from the contact', async () => {
    const contactedAt = new Date(Date.now() - 3_600_000);
    const lead = await contactedLead('UTC', contactedAt);
    await withWorker(async () => {
      const handle = await startLeadWorkflow(lead.id, 'CONTACTED');
      const state = await waitUntil('the follow-up armed', async () => {
        const current = await handle.query(getLeadStateQuery);
        return current.followUpDueAt ? current : undefined;
      });
      const dueAt = new Date(contactedAt.getTime() + DEFAULT_DEADLINES.followUpMs).toISOString();
      expect(state.followUpDueAt).toBe(dueAt);
      expect((await testDb.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).nextFollowUpAt?.toISOString()).toBe(dueAt);
      await recordHistory(env, 'lead-start-contacted', handle.workflowId);
    });
  });

  it('with the setting at 2 hours, no answer on a CONTACTED lead moves its next follow-up 2 hours after the call', async () => {
    const lead = await contactedLead('America/Chicago');
    await chooseRetryDelay('2h');
    await withWorker(async () => {
      const handle = await startLeadWorkflow(lead.id, 'CONTACTED');
      const armed = await waitUntil('the follow-up armed', async () => (await handle.query(getLeadStateQuery)).followUpDueAt ?? undefined);
      const calledAt = new Date();
      await handle.signal(leadCallLoggedSignal, { outcome: 'NO_ANSWER', at: calledAt.toISOString() });
      const state = await waitUntil('the next attempt armed', async () => {
        const current = await handle.query(getLeadStateQuery);
        return current.followUpDueAt !== armed ? current : undefined;
      });
      const dueAt = new Date(calledAt.getTime() + 2 * 3_600_000).toISOString();
      expect(state.followUpDueAt).toBe(dueAt);
      expect((await testDb.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).nextFollowUpAt?.toISOString()).toBe(dueAt);
    });
  });

  it('with the next business day, a Friday call in Chicago comes back on Monday at the same local time', async () => {
    const lead = await contactedLead('America/Chicago');
    await chooseRetryDelay('next-business-day');
    const friday = comingFridayAfternoonInChicago();
    await withWorker(async () => {
      const handle = await startLeadWorkflow(lead.id, 'CONTACTED');
      const armed = await waitUntil('the follow-up armed', async () => (await handle.query(getLeadStateQuery)).followUpDueAt ?? undefined);
      await handle.signal(leadCallLoggedSignal, { outcome: 'VOICEMAIL', at: friday.toISOString() });
      const state = await waitUntil('the next attempt armed', async () => {
        const current = await handle.query(getLeadStateQuery);
        return current.followUpDueAt !== armed ? current : undefined;
      });
      const dueAt = new Date(state.followUpDueAt ?? '');
      const mondayDate = wallClock(new Date(friday.getTime() + 3 * 86_400_000), 'America/Chicago').split(' ')[1];
      expect(wallClock(friday, 'America/Chicago')).toMatch(/^Friday .* 15:30$/);
      expect(wallClock(dueAt, 'America/Chicago')).toBe(`Monday ${mondayDate} 15:30`);
      expect((await testDb.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).nextFollowUpAt?.toISOString()).toBe(state.followUpDueAt);
      await recordHistory(env, 'lead-call-attempt-setting', handle.workflowId);
    });
  });
});
