import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { AppError, ERROR_STATUS } from '../../api/errors';
import { toWorkflowError } from '../../api/temporal/workflow-failure';
import { DEFAULT_DEADLINES } from '../../domain/config/deadlines';
import { buyerWorkflowId, leadWorkflowId, offerWorkflowId, taskWorkflowId } from '../../domain/workflow-ids';
import { getBuyerStateQuery } from '../../workflows/buyers/buyer.messages';
import { buyerWorkflow } from '../../workflows/buyers/buyer.workflow';
import { changeLeadStatusUpdate, getLeadStateQuery, requestLeadStatusSignal } from '../../workflows/leads/lead.messages';
import { leadWorkflow } from '../../workflows/leads/lead.workflow';
import { getOfferStateQuery } from '../../workflows/offers/offer.messages';
import { offerWorkflow } from '../../workflows/offers/offer.workflow';
import { getTaskStateQuery, transitionTaskUpdate } from '../../workflows/tasks/task.messages';
import { taskWorkflow } from '../../workflows/tasks/task.workflow';
import { buildLead, buildUser } from '../support/factories';
import { recordHistory, startTemporalDevServer, withWorker } from '../support/temporal-env';
import { createTestDb, type TestDb } from '../support/test-db';
import { waitUntil } from '../support/wait-until';

jest.setTimeout(180_000);

// Someone who can reach Temporal sends Updates straight to the workflows, bypassing the API and
// its session: the payloads below are what such a client could send, role claims included.
const TASK_QUEUE = 'forged-update-test';
let env: TestWorkflowEnvironment;
let testDb: TestDb;
let agent: { id: string };
let otherAgent: { id: string };
let supervisor: { id: string };
let deactivatedSupervisor: { id: string };
let demotedSupervisor: { id: string };

beforeAll(async () => {
  [env, testDb] = await Promise.all([startTemporalDevServer(), createTestDb()]);
  agent = await buildUser(testDb.db, { role: 'AGENT' });
  otherAgent = await buildUser(testDb.db, { role: 'AGENT' });
  supervisor = await buildUser(testDb.db, { role: 'SUPERVISOR' });
  deactivatedSupervisor = await buildUser(testDb.db, { role: 'SUPERVISOR', active: false });
  // A supervisor when the session began, an agent now: the current role is the one that counts.
  demotedSupervisor = await buildUser(testDb.db, { role: 'SUPERVISOR' });
  await testDb.db.user.update({ where: { id: demotedSupervisor.id }, data: { role: 'AGENT' } });
});
afterAll(async () => {
  await env?.teardown();
  await testDb?.close();
});

const run = <T>(body: () => Promise<T>) => withWorker(env, { db: testDb.db, deadlines: DEFAULT_DEADLINES, taskQueue: TASK_QUEUE }, body);

/** An Update by name with any payload, as a client without our types would send it. */
async function forge(handle: WorkflowHandle, update: string, payload: Record<string, unknown>): Promise<WorkflowUpdateFailedError> {
  const outcome = await handle.executeUpdate(update, { args: [payload] }).then(
    (result) => ({ accepted: result }),
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(WorkflowUpdateFailedError);
  return outcome as WorkflowUpdateFailedError;
}

/** The refusal as the API answers it: the same 403 as a refusal of the API's own checks. */
function expectForbidden(refused: WorkflowUpdateFailedError, message: string | RegExp): void {
  const mapped = toWorkflowError(refused);
  expect(mapped).toBeInstanceOf(AppError);
  expect((mapped as AppError).code).toBe('FORBIDDEN');
  expect(ERROR_STATUS[(mapped as AppError).code]).toBe(403);
  expect((mapped as AppError).message).toMatch(message);
}

const eventCount = (entityId: string) => testDb.db.event.count({ where: { entityId } });

describe('Updates sent straight to Temporal are checked against the database, not their payload', () => {
  it('refuses an approval claiming SUPERVISOR for an agent, by an unknown, a deactivated or a demoted user; the task and its rows stay as they were', async () => {
    await run(async () => {
      const task = await testDb.db.task.create({
        data: { title: 'Forged approval', type: 'FOLLOW_UP', priority: 'MEDIUM', dueAt: new Date(Date.now() + 3_600_000), assigneeId: agent.id, createdById: agent.id, requiresReview: true },
      });
      const handle = await env.client.workflow.start(taskWorkflow, { workflowId: taskWorkflowId(task.id), taskQueue: TASK_QUEUE, args: [{ taskId: task.id }] });
      await waitUntil('the task to be assigned', async () => (await handle.query(getTaskStateQuery)).status === 'ASSIGNED');
      await handle.executeUpdate(transitionTaskUpdate, { args: [{ action: 'submit', actorId: agent.id }] });

      const stateBefore = await handle.query(getTaskStateQuery);
      expect(stateBefore).toMatchObject({ status: 'PENDING_REVIEW', step: 1, assigneeId: agent.id });
      const rowBefore = await testDb.db.task.findUniqueOrThrow({ where: { id: task.id } });
      const eventsBefore = await eventCount(task.id);
      const notesBefore = await testDb.db.note.count({ where: { taskId: task.id } });

      // The agent's own id, with a supervisor's role claimed every way a payload could claim it.
      expectForbidden(
        await forge(handle, 'transitionTask', { action: 'approve', actorId: agent.id, role: 'SUPERVISOR', actor: { id: agent.id, role: 'SUPERVISOR' } }),
        'only a supervisor can approve a task',
      );
      // The payload shape from before: a role and no actorId.
      expectForbidden(await forge(handle, 'transitionTask', { action: 'approve', actor: { id: agent.id, role: 'SUPERVISOR' } }), /names no actor/);
      expectForbidden(await forge(handle, 'transitionTask', { action: 'approve', actorId: 'no-such-user', actor: { id: 'no-such-user', role: 'SUPERVISOR' } }), /unknown user no-such-user/);
      expectForbidden(await forge(handle, 'transitionTask', { action: 'approve', actorId: deactivatedSupervisor.id }), /is deactivated/);
      expectForbidden(await forge(handle, 'transitionTask', { action: 'approve', actorId: demotedSupervisor.id, actor: { id: demotedSupervisor.id, role: 'SUPERVISOR' } }), 'only a supervisor can approve a task');
      // Edits and notes too: another agent claiming ADMIN cannot take the task, a deactivated user cannot write on it.
      expectForbidden(await forge(handle, 'reassignTask', { assigneeId: otherAgent.id, actorId: otherAgent.id, actor: { id: otherAgent.id, role: 'ADMIN' } }), /only the assignee, a supervisor or an admin can reassign/);
      expectForbidden(await forge(handle, 'changeTaskPriority', { priority: 'HIGH', actorId: deactivatedSupervisor.id }), /is deactivated/);
      expectForbidden(await forge(handle, 'addTaskNote', { body: 'forged', actorId: 'no-such-user' }), /unknown user/);

      expect(await handle.query(getTaskStateQuery)).toEqual(stateBefore);
      const rowAfter = await testDb.db.task.findUniqueOrThrow({ where: { id: task.id } });
      expect(rowAfter).toEqual(rowBefore);
      expect(await eventCount(task.id)).toBe(eventsBefore);
      expect(await testDb.db.note.count({ where: { taskId: task.id } })).toBe(notesBefore);

      // The workflow still works for the user the database says is a supervisor.
      const approved = await handle.executeUpdate(transitionTaskUpdate, { args: [{ action: 'approve', actorId: supervisor.id }] });
      expect(approved).toMatchObject({ status: 'COMPLETED', step: 2 });
      expect((await testDb.db.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('COMPLETED');
      await recordHistory(env, 'task-forged-update', handle.workflowId);
    });
  });

  it('refuses lead, offer and buyer status changes by an unknown or deactivated user, and ignores a forged move request; nothing changes', async () => {
    await run(async () => {
      const lead = await buildLead(testDb.db, agent.id);
      const leadHandle = await env.client.workflow.start(leadWorkflow, { workflowId: leadWorkflowId(lead.id), taskQueue: TASK_QUEUE, args: [{ leadId: lead.id, status: 'NEW' }] });
      await waitUntil('the contact task', () => testDb.db.task.findFirst({ where: { leadId: lead.id } }));
      const leadEvents = await eventCount(lead.id);

      expectForbidden(await forge(leadHandle, 'changeLeadStatus', { status: 'QUALIFIED', actorId: 'no-such-user' }), /unknown user/);
      expectForbidden(await forge(leadHandle, 'changeLeadStatus', { status: 'QUALIFIED', actorId: deactivatedSupervisor.id }), /is deactivated/);
      expectForbidden(await forge(leadHandle, 'changeLeadStatus', { status: 'QUALIFIED' }), /names no actor/);
      // A move request names the user a change was made for; one naming nobody, or a deactivated user, is ignored.
      await leadHandle.signal(requestLeadStatusSignal, { status: 'QUALIFIED', actorId: null });
      await leadHandle.signal(requestLeadStatusSignal, { status: 'QUALIFIED', actorId: deactivatedSupervisor.id });
      expect(await leadHandle.query(getLeadStateQuery)).toMatchObject({ status: 'NEW', step: 0 });
      // Handled in turn after the two requests: had either moved the lead, this would be its second move.
      const contacted = await leadHandle.executeUpdate(changeLeadStatusUpdate, { args: [{ status: 'CONTACTED', actorId: agent.id }] });
      expect(contacted).toMatchObject({ status: 'CONTACTED', step: 1 });
      expect((await testDb.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).status).toBe('CONTACTED');
      expect(await testDb.db.event.count({ where: { entityId: lead.id, action: 'status_changed' } })).toBe(1);
      expect(await eventCount(lead.id)).toBeGreaterThan(leadEvents);

      const offer = await testDb.db.offer.create({ data: { leadId: lead.id, kind: 'PURCHASE', amount: 80_000, createdById: agent.id } });
      const offerHandle = await env.client.workflow.start(offerWorkflow, { workflowId: offerWorkflowId(offer.id), taskQueue: TASK_QUEUE, args: [{ offerId: offer.id, status: 'DRAFT', expiresAt: null }] });
      expectForbidden(await forge(offerHandle, 'changeOfferStatus', { status: 'SENT', actorId: deactivatedSupervisor.id }), /is deactivated/);
      expectForbidden(await forge(offerHandle, 'changeOfferStatus', { status: 'SENT', actorId: 'no-such-user' }), /unknown user/);
      expect(await offerHandle.query(getOfferStateQuery)).toMatchObject({ status: 'DRAFT', changes: 0 });
      expect((await testDb.db.offer.findUniqueOrThrow({ where: { id: offer.id } })).status).toBe('DRAFT');
      expect(await eventCount(offer.id)).toBe(0);

      const buyer = await testDb.db.buyer.create({ data: { name: 'Forged Buyer', markets: JSON.stringify(['Dayton']) } });
      const buyerHandle = await env.client.workflow.start(buyerWorkflow, { workflowId: buyerWorkflowId(buyer.id), taskQueue: TASK_QUEUE, args: [{ buyerId: buyer.id, status: 'NEW', isNew: false }] });
      expectForbidden(await forge(buyerHandle, 'changeBuyerStatus', { status: 'ACTIVE', actorId: 'no-such-user' }), /unknown user/);
      expectForbidden(await forge(buyerHandle, 'changeBuyerStatus', { status: 'ACTIVE', actorId: deactivatedSupervisor.id }), /is deactivated/);
      expect(await buyerHandle.query(getBuyerStateQuery)).toMatchObject({ status: 'NEW', changes: 0 });
      expect((await testDb.db.buyer.findUniqueOrThrow({ where: { id: buyer.id } })).status).toBe('NEW');
      expect(await eventCount(buyer.id)).toBe(0);
      await recordHistory(env, 'lead-forged-update', leadHandle.workflowId);
    });
  });
});
