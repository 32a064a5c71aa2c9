import { createEmailActivities } from '../../activities/email.activities';
import { DEFAULT_NOTIFICATION_PREFERENCES } from '../../domain/notifications/notification-preferences';
import { notificationFor } from '../../domain/notifications/notification-kinds';
import { toLeadJson, toTaskJson } from '../../db/rows';
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
  it('lists leads reassigned to the reader in the last day and, for those who take assignments in the digest, HIGH priority tasks given to them whenever due; received over SMTP', async () => {
    const HOUR = 3_600_000;
    const DAY = 24 * HOUR;
    // 14:20 UTC is 7:20 AM in Denver on 2 December: the window is the day before.
    const at = new Date('2026-12-02T14:20:00.000Z');
    const ago = (ms: number) => new Date(at.getTime() - ms);
    const rita = await buildUser(testDb.db, { name: 'Rita Reader' });
    await withPreferences(rita.id, { email: { assignments: 'DIGEST', overdue: 'DIGEST' }, timeZone: 'America/Denver' });
    const nora = await buildUser(testDb.db, { name: 'Nora Noassign' });
    await withPreferences(nora.id, { email: { assignments: 'NEVER', overdue: 'DIGEST' }, timeZone: 'America/Denver' });
    const olaf = await buildUser(testDb.db, { name: 'Olaf Other' });
    await withPreferences(olaf.id, { email: { assignments: 'NEVER', overdue: 'NEVER' }, timeZone: 'America/Denver' });

    /** A lead created three days ago for its first owner, then handed on at each listed time: its Event rows as the API writes them. */
    const leadWithOwners = async (sellerName: string, street: string, owners: Array<[string, Date]>) => {
      let lead = await buildLead(testDb.db, owners[0]![0], { sellerName, street, createdAt: owners[0]![1] });
      for (const [index, [ownerId, when]] of owners.entries()) {
        if (index > 0) lead = await testDb.db.lead.update({ where: { id: lead.id }, data: { ownerId } });
        await testDb.db.event.create({ data: { entityType: 'lead', entityId: lead.id, action: index === 0 ? 'created' : 'updated', payload: JSON.stringify(toLeadJson(lead)), actorId: olaf.id, createdAt: when } });
      }
      return lead;
    };
    const handedOver = await leadWithOwners('Hank Handover', '9 Oak St', [[olaf.id, ago(3 * DAY)], [rita.id, ago(2 * HOUR)]]);
    // Edited today but Rita's for days: not new. Handed to Rita and away again: not hers. Handed over two days ago: old news.
    await leadWithOwners('Edna Edited', '1 Elm St', [[rita.id, ago(3 * DAY)], [rita.id, ago(HOUR)]]);
    await leadWithOwners('Gus Gone', '2 Ash St', [[olaf.id, ago(3 * DAY)], [rita.id, ago(5 * HOUR)], [olaf.id, ago(HOUR)]]);
    await leadWithOwners('Olga Older', '3 Fir St', [[olaf.id, ago(3 * DAY)], [rita.id, ago(2 * DAY)]]);
    const created = await buildLead(testDb.db, rita.id, { sellerName: 'Nell New', street: '5 Bay St', createdAt: ago(HOUR) });

    /** An open task due in five days, given to `assigneeId` by an Event of `action` at `when`. */
    const givenTask = async (title: string, assigneeId: string, priority: 'HIGH' | 'MEDIUM', action: 'assigned' | 'reassigned', when: Date) => {
      const task = await testDb.db.task.create({ data: { title, type: 'ADMIN', status: 'ASSIGNED', priority, dueAt: new Date(at.getTime() + 5 * DAY), assigneeId, createdById: olaf.id } });
      await testDb.db.event.create({ data: { entityType: 'task', entityId: task.id, action, payload: JSON.stringify(toTaskJson(task)), actorId: olaf.id, createdAt: when } });
      return task;
    };
    const signing = await givenTask('Sign the assignment', rita.id, 'HIGH', 'assigned', ago(3 * HOUR));
    const handedTask = await givenTask('Call the title company', rita.id, 'HIGH', 'reassigned', ago(30 * 60_000));
    await givenTask('Order a yard sign', rita.id, 'MEDIUM', 'assigned', ago(3 * HOUR));
    await givenTask('Old high priority', rita.id, 'HIGH', 'assigned', ago(3 * DAY));
    await givenTask('Not for the digest', nora.id, 'HIGH', 'assigned', ago(3 * HOUR));
    await testDb.db.task.create({ data: { title: 'Chase the inspector', type: 'ADMIN', status: 'ASSIGNED', priority: 'MEDIUM', dueAt: ago(DAY), overdue: true, assigneeId: nora.id, createdById: nora.id } });

    const { queueDailyDigests, sendEmail } = activities();
    expect(await queueDailyDigests({ at: at.toISOString() })).toEqual({ queued: 2 });
    const queued = await testDb.db.emailMessage.findMany({ where: { kind: 'DIGEST', to: { in: [rita.email, nora.email, olaf.email] } } });
    for (const message of queued) expect(await sendEmail({ messageId: message.id })).toEqual({ sent: true });

    const receivedBy = (user: { email: string }) => sink.received.filter((mail) => mail.envelopeTo.includes(user.email));
    const [ritas, noras, olafs] = [receivedBy(rita), receivedBy(nora), receivedBy(olaf)];
    expect(olafs).toEqual([]);
    expect(ritas).toHaveLength(1);
    const digest = ritas[0]!;
    expect(digest.subject).toBe('Your day: 2 high priority tasks assigned, 2 new leads');
    const text = digest.text!;
    expect(text).toContain(
      [
        'High priority tasks assigned to you',
        `- Sign the assignment, assigned Wednesday, Dec 2, 4:20 AM, due Monday, Dec 7, 7:20 AM: ${APP_URL}/tasks/${signing.id}`,
        `- Call the title company, assigned Wednesday, Dec 2, 6:50 AM, due Monday, Dec 7, 7:20 AM: ${APP_URL}/tasks/${handedTask.id}`,
      ].join('\n'),
    );
    expect(text).toContain(
      [
        'New leads assigned to you',
        `- Hank Handover (9 Oak St, ${handedOver.city}), reassigned to you Wednesday, Dec 2, 5:20 AM: ${APP_URL}/leads/${handedOver.id}`,
        `- Nell New (5 Bay St, ${created.city}), added Wednesday, Dec 2, 6:20 AM: ${APP_URL}/leads/${created.id}`,
      ].join('\n'),
    );
    for (const absent of ['Edna Edited', 'Gus Gone', 'Olga Older', 'Order a yard sign', 'Old high priority', 'Not for the digest']) expect(text).not.toContain(absent);
    for (const link of [`/tasks/${signing.id}`, `/tasks/${handedTask.id}`, `/leads/${handedOver.id}`, `/leads/${created.id}`]) expect(digest.html).toContain(`href="${APP_URL}${link}"`);

    // Nora takes HIGH priority assignments never by e-mail: her digest has her overdue task only.
    expect(noras).toHaveLength(1);
    expect(noras[0]!.subject).toBe('Your day: 1 overdue task');
    expect(noras[0]!.text).toContain('Chase the inspector');
    expect(noras[0]!.text).not.toContain('Not for the digest');
  });

  it('leaves overdue tasks out for a reader who takes overdue alerts never by e-mail (no digest when nothing else is in it), and lists them by default', async () => {
    // 22:10 UTC on 2 December is 7:10 AM in Tokyo on 3 December.
    const at = new Date('2026-12-02T22:10:00.000Z');
    const omar = await buildUser(testDb.db, { name: 'Omar Nooverdue' });
    await withPreferences(omar.id, { email: { assignments: 'DIGEST', overdue: 'NEVER' }, timeZone: 'Asia/Tokyo' });
    const pia = await buildUser(testDb.db, { name: 'Pia Onlyoverdue' });
    await withPreferences(pia.id, { email: { assignments: 'DIGEST', overdue: 'NEVER' }, timeZone: 'Asia/Tokyo' });
    const del = await buildUser(testDb.db, { name: 'Del Default' });
    await withPreferences(del.id, { timeZone: 'Asia/Tokyo' });
    const task = (title: string, assigneeId: string, dueAt: string, overdue: boolean) =>
      testDb.db.task.create({ data: { title, type: 'ADMIN', status: 'ASSIGNED', priority: 'MEDIUM', dueAt: new Date(dueAt), overdue, assigneeId, createdById: assigneeId } });
    for (const user of [omar, pia, del]) await task(`Call back the probate attorney for ${user.name}`, user.id, '2026-12-01T03:00:00.000Z', true);
    // 10:00 AM in Tokyo on 3 December.
    await task('Sign the addendum', omar.id, '2026-12-03T01:00:00.000Z', false);

    expect(await activities().queueDailyDigests({ at: at.toISOString() })).toEqual({ queued: 2 });
    const digests = await testDb.db.emailMessage.findMany({ where: { kind: 'DIGEST', to: { in: [omar.email, pia.email, del.email] } } });
    const digestOf = (user: { email: string }) => digests.find((message) => message.to === user.email);
    expect(digestOf(pia)).toBeUndefined();

    const omars = digestOf(omar)!;
    expect(omars.subject).toBe('Your day: 1 task due today');
    expect(omars.text).toContain('Due today\n- Sign the addendum');
    expect(omars.text).not.toContain('Overdue');
    expect(omars.text).not.toContain('probate attorney');

    const dels = digestOf(del)!;
    expect(dels.subject).toBe('Your day: 1 overdue task');
    expect(dels.text).toContain(`Overdue\n- Call back the probate attorney for ${del.name}`);
  });
});
