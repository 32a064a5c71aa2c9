import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { createEmailActivities } from '../../activities/email.activities';
import { createMailer } from '../../mail/create-mailer';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { createTestDb, type TestDb } from '../support/test-db';

jest.setTimeout(180_000);

let testDb: TestDb;
let sink: SmtpSink;

beforeAll(async () => {
  [testDb, sink] = await Promise.all([createTestDb(), startSmtpSink()]);
});
afterAll(async () => {
  await sink?.stop();
  await testDb?.close();
});

const FROM = 'Flipstackk <deals@flipstackk.test>';

function queueMessage(key: string) {
  return testDb.db.emailMessage.create({
    data: { key, kind: 'BUYER_MATCHES', to: 'buyer@cashflow.test', replyTo: 'acq@flipstackk.test', subject: `Deals ${key}`, html: '<p>Two <b>deals</b></p>', text: 'Two deals' },
  });
}

describe('sendEmail', () => {
  it('sends a message once over SMTP however often the activity is retried', async () => {
    const message = await queueMessage('smtp-once');
    const { sendEmail } = createEmailActivities({ db: testDb.db, mailer: createMailer({ smtpUrl: sink.url, from: FROM, outboxDir: '/nonexistent' }) });

    expect(await sendEmail({ messageId: message.id })).toEqual({ sent: true });
    expect(await sendEmail({ messageId: message.id })).toEqual({ sent: false });

    const received = sink.received.filter((mail) => mail.subject === 'Deals smtp-once');
    expect(received).toHaveLength(1);
    expect(received[0]!.envelopeTo).toEqual(['buyer@cashflow.test']);
    expect(received[0]!.messageId).toBe(`<${message.id}@flipstackk.test>`);
    expect(received[0]!.replyTo?.text).toBe('acq@flipstackk.test');
    expect(await testDb.db.emailMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ status: 'SENT', attempts: 1, transport: 'smtp', lastError: null });
  });

  it('writes the message as <id>.eml under the outbox without SMTP, once', async () => {
    const message = await queueMessage('outbox-once');
    const outboxDir = path.join(path.dirname(testDb.file), 'outbox');
    const { sendEmail } = createEmailActivities({ db: testDb.db, mailer: createMailer({ from: FROM, outboxDir }) });

    await sendEmail({ messageId: message.id });
    await sendEmail({ messageId: message.id });

    expect(fs.readdirSync(outboxDir)).toEqual([`${message.id}.eml`]);
    const eml = await simpleParser(fs.readFileSync(path.join(outboxDir, `${message.id}.eml`)));
    expect(eml.subject).toBe('Deals outbox-once');
    expect(eml.from?.value).toEqual([{ name: 'Flipstackk', address: 'deals@flipstackk.test' }]);
    expect(eml.text?.trim()).toBe('Two deals');
    expect(eml.html).toContain('<b>deals</b>');
    expect(await testDb.db.emailMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ status: 'SENT', attempts: 1, transport: 'outbox', outboxFile: `${message.id}.eml` });
  });

  it('records each failed attempt on the message and sends on the retry once the server answers', async () => {
    const down = await startSmtpSink();
    await down.stop();
    const message = await queueMessage('down-then-up');
    const { sendEmail, markEmailFailed } = createEmailActivities({ db: testDb.db, mailer: createMailer({ smtpUrl: down.url, from: FROM, outboxDir: '/nonexistent' }) });

    await expect(sendEmail({ messageId: message.id })).rejects.toThrow(/ECONNREFUSED/);
    expect(await testDb.db.emailMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ status: 'QUEUED', attempts: 1, lastError: expect.stringMatching(/^Attempt 1: .*ECONNREFUSED/) });

    await down.start();
    try {
      expect(await sendEmail({ messageId: message.id })).toEqual({ sent: true });
      expect(down.received.map((mail) => mail.subject)).toEqual(['Deals down-then-up']);
      // A late "failed for good" from the workflow does not undo a send that went through.
      await markEmailFailed({ messageId: message.id, error: 'late' });
      expect(await testDb.db.emailMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ status: 'SENT', attempts: 2, lastError: null });
    } finally {
      await down.stop();
    }
  });
});
