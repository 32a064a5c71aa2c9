import { createEmailActivities } from '../../activities/email.activities';
import { DEFAULT_NOTIFICATION_PREFERENCES } from '../../domain/notifications/notification-preferences';
import { notificationFor } from '../../domain/notifications/notification-kinds';
import { notifyUsers } from '../../db/writes/notify-users';
import { createMailer } from '../../mail/create-mailer';
import { buildLead, buildUser } from '../support/factories';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { createTestDb, type TestDb } from '../support/test-db';

jest.setTimeout(180_000);

let testDb: TestDb;
let sink: SmtpSink;
const APP_URL = 'https://crm.example.test';

beforeAll(async () => {
  [testDb, sink] = await Promise.all([createTestDb(), startSmtpSink()]);
});
afterAll(async () => {
  await sink?.stop();
  await testDb?.close();
});

const activities = () => createEmailActivities({ db: testDb.db, mailer: createMailer({ smtpUrl: sink.url, from: 'Flipstackk <crm@example.test>', outboxDir: '/nonexistent' }), appUrl: APP_URL });
const withPreferences = (userId: string, preferences: object) =>
  testDb.db.user.update({ where: { id: userId }, data: { notificationPreferences: JSON.stringify({ ...DEFAULT_NOTIFICATION_PREFERENCES, ...preferences }) } });

describe('an overdue alert e-mailed at once', () => {
  it('is written in the reader’s time zone with a link into the app, and sent once', async () => {
    const user = await buildUser(testDb.db, { name: 'Cara Chicago' });
    await withPreferences(user.id, { email: { assignments: 'NEVER', overdue: 'IMMEDIATELY' }, timeZone: 'America/Chicago' });
    await testDb.db.$transaction((tx) =>
      notifyUsers(tx, [{ recipientId: user.id, ...notificationFor('TASK_OVERDUE', { title: 'Call Ann Lee', dueAt: '2026-12-01T21:15:00.000Z' }), link: '/tasks/abc', dedupeKey: 'mail-test:overdue' }]),
    );
    const message = await testDb.db.emailMessage.findFirstOrThrow({ where: { to: user.email, kind: 'NOTIFICATION' } });

    expect(await activities().sendEmail({ messageId: message.id })).toEqual({ sent: true });
    expect(await activities().sendEmail({ messageId: message.id })).toEqual({ sent: false });

    const received = sink.received.filter((mail) => mail.envelopeTo.includes(user.email));
    expect(received).toHaveLength(1);
    expect(received[0]!.subject).toBe('Overdue: Call Ann Lee');
    // 21:15 UTC is 3:15 PM in Chicago in December.
    expect(received[0]!.text).toContain('This task was due Tuesday, Dec 1, 3:15 PM.');
    expect(received[0]!.text).toContain(`${APP_URL}/tasks/abc`);
    expect(received[0]!.html).toContain(`href="${APP_URL}/tasks/abc"`);
    expect(await testDb.db.emailMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ status: 'SENT', subject: 'Overdue: Call Ann Lee' });
  });
});

describe('the daily digest', () => {
  it('is queued at 7 AM in each reader’s zone when they have something, once per day, and lists overdue tasks, tasks due today and new leads', async () => {
    const reader = await buildUser(testDb.db, { name: 'Dana Digest' });
    await withPreferences(reader.id, { timeZone: 'America/New_York' });
    const idle = await buildUser(testDb.db, { name: 'Ivy Idle' });
    await withPreferences(idle.id, { timeZone: 'America/New_York' });
    const never = await buildUser(testDb.db, { name: 'Nat Never' });
    await withPreferences(never.id, { email: { assignments: 'NEVER', overdue: 'NEVER' }, timeZone: 'America/New_York' });

    // 12:10 UTC is 7:10 AM in New York on 1 December.
    const at = new Date('2026-12-01T12:10:00.000Z');
    const lead = await buildLead(testDb.db, reader.id, { sellerName: 'Gina Green', street: '4 Pine Rd', createdAt: new Date(at.getTime() - 3_600_000) });
    for (const assigneeId of [reader.id, never.id]) {
      await testDb.db.task.create({ data: { title: 'Send the contract', type: 'ADMIN', status: 'ASSIGNED', priority: 'HIGH', dueAt: new Date('2026-11-30T15:00:00.000Z'), overdue: true, assigneeId, createdById: assigneeId, leadId: lead.id } });
      await testDb.db.task.create({ data: { title: 'Walk the house', type: 'ADMIN', status: 'ASSIGNED', priority: 'MEDIUM', dueAt: new Date('2026-12-01T19:00:00.000Z'), assigneeId, createdById: assigneeId } });
    }
    await testDb.db.task.create({ data: { title: 'Next week', type: 'ADMIN', status: 'ASSIGNED', priority: 'LOW', dueAt: new Date('2026-12-08T19:00:00.000Z'), assigneeId: reader.id, createdById: reader.id } });

    const { queueDailyDigests } = activities();
    expect(await queueDailyDigests({ at: '2026-12-01T11:55:00.000Z' })).toEqual({ queued: 0 });
    expect(await queueDailyDigests({ at: at.toISOString() })).toEqual({ queued: 1 });
    expect(await queueDailyDigests({ at: '2026-12-01T12:40:00.000Z' })).toEqual({ queued: 0 });

    const digests = await testDb.db.emailMessage.findMany({ where: { kind: 'DIGEST' } });
    expect(digests.map((message) => message.to)).toEqual([reader.email]);
    const digest = digests[0]!;
    expect(digest.key).toBe(`digest:${reader.id}:2026-12-01`);
    expect(digest.subject).toBe('Your day: 1 overdue task, 1 task due today, 1 new lead');
    expect(digest.text).toContain('Overdue\n- Send the contract (Gina Green, 4 Pine Rd');
    expect(digest.text).toContain('Due today\n- Walk the house, due Tuesday, Dec 1, 2:00 PM');
    expect(digest.text).toContain(`- Gina Green (4 Pine Rd, ${lead.city}), added Tuesday, Dec 1, 6:10 AM: ${APP_URL}/leads/${lead.id}`);
    expect(digest.text).not.toContain('Next week');
    expect(digest.html).toContain(`href="${APP_URL}/leads/${lead.id}"`);
  });
});
