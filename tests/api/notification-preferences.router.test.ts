import { DEFAULT_NOTIFICATION_PREFERENCES } from '../../domain/notifications/notification-preferences';
import { notificationFor } from '../../domain/notifications/notification-kinds';
import { leadSubject } from '../../domain/notifications/notification-groups';
import { notifyUsers } from '../../db/writes/notify-users';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { buildUser } from '../support/factories';
import { waitUntil } from '../support/wait-until';

jest.setTimeout(180_000);

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(() => api?.close());

async function signedIn() {
  const user = await buildUser(api.testDb.db, { name: 'Nora Notified' });
  return { user, cookie: await api.login(user.email) };
}

const overdue = (recipientId: string, title: string, n: number) => ({
  recipientId,
  ...notificationFor('TASK_OVERDUE', { title, dueAt: '2026-12-01T15:15:00.000Z' }),
  link: `/tasks/t${n}`,
  about: leadSubject({ id: 'lead-elm', street: '12 Elm St' }),
  dedupeKey: `test:${recipientId}:overdue:${n}`,
});

describe('notification preferences', () => {
  it('start at the defaults, save what the user chose and refuse what is not a choice, naming the field', async () => {
    const { cookie } = await signedIn();
    expect((await api.request('GET', '/api/me/notification-preferences', { cookie })).body).toEqual(DEFAULT_NOTIFICATION_PREFERENCES);

    const chosen = { muted: ['TASK_COMPLETED'], email: { assignments: 'IMMEDIATELY', overdue: 'NEVER' }, timeZone: 'America/Chicago' };
    const saved = await api.request('PUT', '/api/me/notification-preferences', { cookie, body: chosen });
    expect(saved).toMatchObject({ status: 200, body: chosen });
    expect((await api.request('GET', '/api/me/notification-preferences', { cookie })).body).toEqual(chosen);

    for (const [body, field] of [
      [{ ...chosen, muted: ['TASK_EXPLODED'] }, 'muted'],
      [{ ...chosen, email: { assignments: 'HOURLY', overdue: 'NEVER' } }, 'email.assignments'],
      [{ ...chosen, timeZone: 'Mars/Olympus' }, 'timeZone'],
    ] as const) {
      const refused = await api.request('PUT', '/api/me/notification-preferences', { cookie, body });
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body.error)).toContain(field);
    }
    expect((await api.request('GET', '/api/me/notification-preferences', { cookie })).body).toEqual(chosen);
  });

  it('a muted kind is not created for the user; other kinds still are', async () => {
    const { user, cookie } = await signedIn();
    await api.request('PUT', '/api/me/notification-preferences', { cookie, body: { ...DEFAULT_NOTIFICATION_PREFERENCES, muted: ['TASK_OVERDUE'] } });
    await api.testDb.db.$transaction((tx) =>
      notifyUsers(tx, [overdue(user.id, 'Call Ann', 1), { recipientId: user.id, ...notificationFor('MENTION', { authorName: 'Sam', noteBody: 'look at this' }), dedupeKey: `test:${user.id}:mention` }]),
    );
    const list = (await api.request('GET', '/api/notifications', { cookie })).body;
    expect(list.items.map((item: { kind: string }) => item.kind)).toEqual(['MENTION']);
    expect(list.unread).toBe(1);
  });

  it('queues an e-mail at once for a HIGH priority assignment when the user asked for it, and none when they did not', async () => {
    const { user, cookie } = await signedIn();
    const quiet = await signedIn();
    await api.request('PUT', '/api/me/notification-preferences', { cookie, body: { ...DEFAULT_NOTIFICATION_PREFERENCES, email: { assignments: 'IMMEDIATELY', overdue: 'DIGEST' } } });
    const dueAt = new Date(Date.now() + 86_400_000).toISOString();
    for (const assignee of [user, quiet.user]) {
      const created = await api.request('POST', '/api/tasks', { cookie, body: { title: `Sign the contract for ${assignee.name}`, priority: 'HIGH', dueAt, assigneeId: assignee.id } });
      expect(created.status).toBe(201);
    }
    const notification = await waitUntil('the assignment notification', () => api.testDb.db.notification.findFirst({ where: { recipientId: user.id, kind: 'TASK_ASSIGNED' } }));
    const message = await waitUntil('the queued e-mail', () => api.testDb.db.emailMessage.findFirst({ where: { notificationId: notification.id } }));
    expect(message).toMatchObject({ kind: 'NOTIFICATION', to: user.email, key: `notification:${notification.id}` });
    await waitUntil('the other assignment notification', () => api.testDb.db.notification.findFirst({ where: { recipientId: quiet.user.id, kind: 'TASK_ASSIGNED' } }));
    expect(await api.testDb.db.emailMessage.count({ where: { to: quiet.user.email } })).toBe(0);
  });
});

describe('grouped notifications', () => {
  it('shows repeated notifications of one kind about one thing as one row, counts it once, and reads them together', async () => {
    const { user, cookie } = await signedIn();
    await api.testDb.db.$transaction((tx) =>
      notifyUsers(tx, [
        overdue(user.id, 'Call Ann', 1),
        overdue(user.id, 'Visit the house', 2),
        { recipientId: user.id, ...notificationFor('MENTION', { authorName: 'Sam', noteBody: 'hello' }), dedupeKey: `test:${user.id}:mention` },
        overdue(user.id, 'Take photos', 3),
      ]),
    );
    const list = (await api.request('GET', '/api/notifications', { cookie })).body;
    expect(list.unread).toBe(2);
    expect(list.items.map((item: { title: string; count: number }) => [item.title, item.count])).toEqual([
      ['3 overdue tasks on 12 Elm St', 3],
      ['Sam mentioned you', 1],
    ]);

    const read = await api.request('POST', `/api/notifications/${list.items[0].id}/read`, { cookie });
    expect(read.status).toBe(200);
    expect(await api.testDb.db.notification.count({ where: { recipientId: user.id, kind: 'TASK_OVERDUE', readAt: null } })).toBe(0);
    const after = (await api.request('GET', '/api/notifications', { cookie })).body;
    expect(after.unread).toBe(1);
    expect(after.items[0]).toMatchObject({ title: '3 overdue tasks on 12 Elm St', count: 3 });
    expect(after.items[0].readAt).not.toBeNull();
  });
});
