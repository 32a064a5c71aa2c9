import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { nextCallAttemptAt } from '../../domain/calls/call.schema';
import { DEFAULT_DEADLINES } from '../../domain/config/deadlines';
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

const startLeadWorkflow = (leadId: string) =>
  env.client.workflow.start(leadWorkflow, { workflowId: leadWorkflowId(leadId), taskQueue: TASK_QUEUE, args: [{ leadId, status: 'NEW' }] });

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
      const dueAt = Date.parse(state.followUpDueAt ?? '');
      // Armed from the workflow's clock when it handled the signal: between the expected attempts for just before and just after.
      expect(dueAt).toBeGreaterThanOrEqual(nextCallAttemptAt(sentAt).getTime());
      expect(dueAt).toBeLessThanOrEqual(nextCallAttemptAt(new Date()).getTime());
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
});
