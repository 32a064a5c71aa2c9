import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DEFAULT_DEADLINES } from '../../domain/config/deadlines';
import { emailWorkflowId } from '../../domain/workflow-ids';
import { EMAIL_SEND_ATTEMPTS, sendEmailWorkflow } from '../../workflows/email/send-email.workflow';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { recordHistory, startTimeSkippingServer, withWorker } from '../support/temporal-env';
import { createTestDb, type TestDb } from '../support/test-db';

jest.setTimeout(180_000);

// The retries' real backoff (2 s doubling to 5 minutes, about half an hour in all), with Temporal's time-skipping test server.
const TASK_QUEUE = 'send-email-time-skipping-test';
let env: TestWorkflowEnvironment;
let testDb: TestDb;
let sink: SmtpSink;

beforeAll(async () => {
  [env, testDb, sink] = await Promise.all([startTimeSkippingServer(), createTestDb(), startSmtpSink()]);
});
afterAll(async () => {
  await env?.teardown();
  await sink?.stop();
  await testDb?.close();
});

const queueMessage = (key: string) =>
  testDb.db.emailMessage.create({ data: { key, kind: 'BUYER_MATCHES', to: `${key}@cashflow.test`, subject: `Deals for ${key}`, html: '<p>Deals</p>', text: 'Deals' } });
const mailVia = (smtpUrl: string) => ({ smtpUrl, from: 'Flipstackk <deals@flipstackk.test>', outboxDir: path.join(path.dirname(testDb.file), 'outbox') });

it('sends a queued message and marks it SENT', async () => {
  const message = await queueMessage('sent');
  await withWorker(env, { db: testDb.db, deadlines: DEFAULT_DEADLINES, taskQueue: TASK_QUEUE, mail: mailVia(sink.url) }, async () => {
    const result = await env.client.workflow.execute(sendEmailWorkflow, { workflowId: emailWorkflowId(message.id), taskQueue: TASK_QUEUE, args: [{ messageId: message.id }] });
    expect(result).toEqual({ status: 'SENT' });
    await recordHistory(env, 'email-sent', emailWorkflowId(message.id));
  });
  expect(sink.received.filter((mail) => mail.subject === 'Deals for sent').map((mail) => mail.envelopeTo)).toEqual([['sent@cashflow.test']]);
  expect(await testDb.db.emailMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ status: 'SENT', attempts: 1, transport: 'smtp' });
});

it('marks a message FAILED with the last error once every attempt failed', async () => {
  const down = await startSmtpSink();
  await down.stop();
  const message = await queueMessage('failed');
  await withWorker(env, { db: testDb.db, deadlines: DEFAULT_DEADLINES, taskQueue: TASK_QUEUE, mail: mailVia(down.url) }, async () => {
    const result = await env.client.workflow.execute(sendEmailWorkflow, { workflowId: emailWorkflowId(message.id), taskQueue: TASK_QUEUE, args: [{ messageId: message.id }] });
    expect(result).toEqual({ status: 'FAILED' });
    await recordHistory(env, 'email-failed', emailWorkflowId(message.id));
  });
  expect(await testDb.db.emailMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({
    status: 'FAILED',
    attempts: EMAIL_SEND_ATTEMPTS,
    lastError: expect.stringContaining('ECONNREFUSED'),
  });
});
