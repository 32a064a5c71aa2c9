import { CLIENT_HEADER } from '../../domain/auth/client-header';
import { EMAIL_PHOTO_MAX_BYTES } from '../../domain/email/email-message.schema';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { buildLeadInput, buildUser } from '../support/factories';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { waitUntil } from '../support/wait-until';

jest.setTimeout(180_000);

// A real SMTP server in the test process receives what the worker's activity sends.
let sink: SmtpSink;
let api: ApiHarness;
let supervisorCookie: string;
let acquisitionsCookie: string;
let adminCookie: string;
let agentCookie: string;
let acquisitions: Awaited<ReturnType<typeof buildUser>>;
let agent: Awaited<ReturnType<typeof buildUser>>;

beforeAll(async () => {
  sink = await startSmtpSink();
  api = await startApiHarness({ smtpUrl: sink.url });
  const { db } = api.testDb;
  acquisitions = await buildUser(db, { role: 'ACQUISITIONS', name: 'Quinn Acquirer' });
  agent = await buildUser(db, { role: 'AGENT' });
  supervisorCookie = await api.login((await buildUser(db, { role: 'SUPERVISOR' })).email);
  acquisitionsCookie = await api.login(acquisitions.email);
  adminCookie = await api.login((await buildUser(db, { role: 'ADMIN' })).email);
  agentCookie = await api.login(agent.email);
});
afterAll(async () => {
  await api?.close();
  await sink?.stop();
});

let cities = 0;
/** A buyer (through the API) whose market is a city of its own, and two leads there: one priced, one priced by its MAO. */
async function buyerWithMatches(overrides: Record<string, unknown> = {}) {
  cities += 1;
  // A city of letters only, in the leads' state (a buyer's market is a ZIP or a city with its state).
  const city = `Testville ${'ABCDEFGHIJKLMNOP'[cities]}`;
  const buyer = (
    await api.request('POST', '/api/buyers', {
      cookie: supervisorCookie,
      body: { name: `Cash Flow ${cities}`, email: `deals${cities}@cashflow.test`, markets: [`${city}, OH`], propertyTypes: ['SFR'], maxPrice: 150_000, ...overrides },
    })
  ).body;
  if (!buyer.id) throw new Error(`buyer not created: ${JSON.stringify(buyer)}`);
  const lead = (data: Record<string, unknown>) => api.testDb.db.lead.create({ data: { ...buildLeadInput({ city }), ownerId: agent.id, ...data } });
  const priced = await lead({ street: `${cities}1 Elm St`, beds: 3, baths: 2, askingPrice: 80_000 });
  const byMao = await lead({ street: `${cities}2 Oak Ave`, beds: 4, baths: 1.5, askingPrice: null, arv: 140_000, repairEstimate: 20_000 });
  return { buyer, priced, byMao, city };
}

const receivedFor = (to: string) => waitUntil(`the e-mail to ${to}`, async () => sink.received.find((mail) => mail.envelopeTo.includes(to)), 60_000);
const links = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]!.replace(/&amp;/g, '&'));

describe('sending matching properties to a buyer', () => {
  it('e-mails the top matches (202): both parts, reply-to the sender, every link to the app; logged on the buyer and each lead and counted as engagement', async () => {
    const { buyer, priced, byMao } = await buyerWithMatches();
    const response = await api.request('POST', `/api/buyers/${buyer.id}/send-matches`, { cookie: acquisitionsCookie, body: {} });
    expect(response.status).toBe(202);
    expect(response.body.message).toMatchObject({ to: buyer.email, status: 'QUEUED', buyerId: buyer.id, replyTo: acquisitions.email, sentById: acquisitions.id });
    expect(response.body.message.leadIds.sort()).toEqual([priced.id, byMao.id].sort());

    const mail = await receivedFor(buyer.email);
    expect(mail.subject).toBe('2 properties match your buy box');
    expect(mail.from?.value).toEqual([{ name: 'Flipstackk', address: 'deals@flipstackk.test' }]);
    expect(mail.replyTo?.value).toEqual([{ name: '', address: acquisitions.email }]);
    for (const part of [mail.text!, mail.html as string]) {
      expect(part).toContain(`${priced.street}`);
      expect(part).toContain('Asking $80,000');
      expect(part).toContain(`${byMao.street}`);
      expect(part).toMatch(/MAO \$\d{1,3}(,\d{3})+/);
      expect(part).toMatch(/3 bed · 2 bath/);
      expect(part).toContain('Quinn Acquirer');
    }
    const hrefs = links(mail.html as string);
    expect(hrefs.length).toBeGreaterThanOrEqual(2);
    for (const href of hrefs) expect(href.startsWith(`${api.appUrl}/`) || href === api.appUrl).toBe(true);
    expect(hrefs.some((href) => href.startsWith(`${api.appUrl}/unsubscribe/`))).toBe(true);
    expect(mail.text).toContain(`${api.appUrl}/unsubscribe/`);

    await waitUntil('the message marked sent', async () => (await api.testDb.db.emailMessage.findUniqueOrThrow({ where: { id: response.body.message.id } })).status === 'SENT');
    const notes = await api.testDb.db.note.findMany({ where: { OR: [{ buyerId: buyer.id }, { leadId: { in: [priced.id, byMao.id] } }] } });
    expect(notes.map((note) => note.buyerId ?? note.leadId).sort()).toEqual([buyer.id, priced.id, byMao.id].sort());
    expect(notes.every((note) => note.authorId === acquisitions.id && note.body.startsWith('E-mailed'))).toBe(true);
    const events = await api.testDb.db.event.findMany({ where: { action: { in: ['matches_sent', 'sent_to_buyer'] }, entityId: { in: [buyer.id, priced.id, byMao.id] } } });
    expect(events.map((event) => `${event.entityType}.${event.action}:${event.entityId}`).sort()).toEqual(
      [`buyer.matches_sent:${buyer.id}`, `lead.sent_to_buyer:${priced.id}`, `lead.sent_to_buyer:${byMao.id}`].sort(),
    );
    const history = await api.request('GET', `/api/history/buyer/${buyer.id}`, { cookie: agentCookie });
    expect(history.body.items.map((item: { name: string }) => item.name)).toContain('buyer.matches_sent');

    const analytics = await api.request('GET', '/api/analytics?scope=me', { cookie: acquisitionsCookie });
    expect(analytics.body.buyerEngagement.matchesSent).toBeGreaterThanOrEqual(1);
  });

  it('sends the leads chosen, in their order, and refuses unknown leads, a buyer without an e-mail address and an agent', async () => {
    const { buyer, priced, byMao } = await buyerWithMatches();
    const chosen = await api.request('POST', `/api/buyers/${buyer.id}/send-matches`, { cookie: supervisorCookie, body: { leadIds: [byMao.id] } });
    expect(chosen.status).toBe(202);
    expect(chosen.body.message.leadIds).toEqual([byMao.id]);
    const mail = await receivedFor(buyer.email);
    expect(mail.subject).toBe('1 property matches your buy box');
    expect(mail.text).toContain(byMao.street);
    expect(mail.text).not.toContain(priced.street);

    const unknown = await api.request('POST', `/api/buyers/${buyer.id}/send-matches`, { cookie: supervisorCookie, body: { leadIds: ['nope'] } });
    expect(unknown).toMatchObject({ status: 422, body: { error: { fields: { leadIds: 'names leads that do not exist: nope' } } } });

    const noEmail = (await buyerWithMatches({ email: undefined })).buyer;
    const refused = await api.request('POST', `/api/buyers/${noEmail.id}/send-matches`, { cookie: supervisorCookie, body: {} });
    expect(refused).toMatchObject({ status: 422, body: { error: { fields: { email: 'is required to e-mail the buyer' } } } });
    expect(refused.body.error.message).toContain('has no e-mail address');

    const byAgent = await api.request('POST', `/api/buyers/${buyer.id}/send-matches`, { cookie: agentCookie, body: {} });
    expect(byAgent.status).toBe(403);
    expect(await api.testDb.db.emailMessage.count({ where: { buyerId: { in: [buyer.id, noEmail.id] } } })).toBe(1);
  });

  it('stops e-mail to a buyer who follows the unsubscribe link; a forged link is refused', async () => {
    const { buyer } = await buyerWithMatches();
    await api.request('POST', `/api/buyers/${buyer.id}/send-matches`, { cookie: supervisorCookie, body: {} });
    const mail = await receivedFor(buyer.email);
    const link = links(mail.html as string).find((href) => href.startsWith(`${api.appUrl}/unsubscribe/`))!;
    const token = decodeURIComponent(link.slice(`${api.appUrl}/unsubscribe/`.length));

    expect(await api.request('GET', `/api/unsubscribe/${encodeURIComponent(token)}`)).toMatchObject({ status: 200, body: { name: buyer.name, email: buyer.email, unsubscribed: false } });
    expect(await api.request('POST', `/api/unsubscribe/${encodeURIComponent(token)}`)).toMatchObject({ status: 200, body: { unsubscribed: true } });
    expect(await api.request('POST', `/api/unsubscribe/${encodeURIComponent(token)}`)).toMatchObject({ status: 200, body: { unsubscribed: true } });
    expect((await api.request('GET', `/api/buyers/${buyer.id}`, { cookie: supervisorCookie })).body.emailOptOutAt).toEqual(expect.any(String));

    const again = await api.request('POST', `/api/buyers/${buyer.id}/send-matches`, { cookie: supervisorCookie, body: {} });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('unsubscribed');

    const other = (await buyerWithMatches()).buyer;
    const forged = `${other.id}.${token.split('.')[1]}`;
    expect((await api.request('POST', `/api/unsubscribe/${encodeURIComponent(forged)}`)).status).toBe(404);
    expect((await api.request('GET', `/api/buyers/${other.id}`, { cookie: supervisorCookie })).body.emailOptOutAt).toBeNull();
  });

  it('completes the weekly "Send matching properties" task it is sent from', async () => {
    const { buyer } = await buyerWithMatches();
    const task = await api.testDb.db.task.create({
      data: { title: `Send matching properties to ${buyer.name} (2)`, type: 'BUYER', priority: 'MEDIUM', status: 'ASSIGNED', dueAt: new Date(Date.now() + 3_600_000), assigneeId: acquisitions.id, buyerId: buyer.id },
    });
    const sent = await api.request('POST', `/api/buyers/${buyer.id}/send-matches`, { cookie: acquisitionsCookie, body: { taskId: task.id } });
    expect(sent).toMatchObject({ status: 202, body: { taskCompleted: true } });
    expect(await api.testDb.db.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: 'COMPLETED' });
    await receivedFor(buyer.email);

    const again = await api.request('POST', `/api/buyers/${buyer.id}/send-matches`, { cookie: acquisitionsCookie, body: { taskId: task.id } });
    expect(again).toMatchObject({ status: 409, body: { error: { message: 'The task is already completed' } } });
    const otherTask = await api.testDb.db.task.create({ data: { title: 'Call the buyer', type: 'BUYER', priority: 'LOW', status: 'ASSIGNED', dueAt: new Date(), assigneeId: acquisitions.id, buyerId: buyer.id } });
    expect((await api.request('POST', `/api/buyers/${buyer.id}/send-matches`, { cookie: acquisitionsCookie, body: { taskId: otherTask.id } })).status).toBe(422);
    expect(await api.testDb.db.emailMessage.count({ where: { buyerId: buyer.id } })).toBe(1);
  });

  it('answers 202 while the mail server is down, shows the failure on the outbox (admins only) and sends once it is back', async () => {
    const { buyer } = await buyerWithMatches();
    await sink.stop();
    let restarted = false;
    try {
      const response = await api.request('POST', `/api/buyers/${buyer.id}/send-matches`, { cookie: supervisorCookie, body: {} });
      expect(response.status).toBe(202);
      const failed = await waitUntil('the failed attempt on the outbox', async () => {
        const outbox = await api.request('GET', '/api/outbox', { cookie: adminCookie });
        return outbox.body.items.find((item: { id: string; lastError: string | null }) => item.id === response.body.message.id && item.lastError);
      });
      expect(failed).toMatchObject({ status: 'QUEUED', to: buyer.email, lastError: expect.stringMatching(/^Attempt \d+: .*ECONNREFUSED/) });
      expect((await api.request('GET', '/api/outbox', { cookie: supervisorCookie })).body.error.message).toBe('only an admin can see the outbox');

      await sink.start();
      restarted = true;
      const mail = await receivedFor(buyer.email);
      expect(mail.subject).toBe('2 properties match your buy box');
      const sent = await waitUntil('the message marked sent', async () => {
        const detail = await api.request('GET', `/api/outbox/${response.body.message.id}`, { cookie: adminCookie });
        return detail.body.status === 'SENT' && detail.body;
      });
      expect(sent).toMatchObject({ transport: 'smtp', lastError: null, eml: null, text: expect.stringContaining('Asking $80,000'), html: expect.stringContaining('<!DOCTYPE html>') });
      expect(sink.received.filter((received) => received.envelopeTo.includes(buyer.email))).toHaveLength(1);
    } finally {
      if (!restarted) await sink.start();
    }
  });
});

describe('inviting a teammate by e-mail', () => {
  it("e-mails the invite's one-time link to the invitee: both parts, the link into the app", async () => {
    const response = await api.request('POST', '/api/users/invites', { cookie: adminCookie, body: { email: 'nina.newhire@flipstackk.test', name: 'Nina Newhire', role: 'AGENT' } });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ emailed: true, path: expect.stringMatching(/^\/invite\//) });
    const mail = await receivedFor('nina.newhire@flipstackk.test');
    expect(mail.subject).toMatch(/ invited you to Flipstackk$/);
    const link = `${api.appUrl}${response.body.path}`;
    expect(mail.text).toContain(link);
    expect(links(mail.html as string)).toContain(link);
    expect(mail.html as string).toContain('Nina Newhire');
    // The mail server has the message before the workflow's activity records it as sent.
    const message = await waitUntil('the invite marked sent', async () => {
      const row = await api.testDb.db.emailMessage.findFirstOrThrow({ where: { kind: 'INVITE', to: 'nina.newhire@flipstackk.test' } });
      return row.status === 'SENT' && row;
    });
    expect(message).toMatchObject({ status: 'SENT', transport: 'smtp' });
  });
});

// A 1 × 1 PNG, and one padded past the size a photo may have in an e-mail.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const BIG_PNG = Buffer.concat([PNG, Buffer.alloc(EMAIL_PHOTO_MAX_BYTES + 1024, 7)]);

async function uploadPhoto(leadId: string, bytes: Buffer, name: string): Promise<{ id: string }> {
  const form = new FormData();
  form.append('kind', 'PHOTO');
  form.append('leadId', leadId);
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), name);
  const response = await fetch(`${api.url}/api/documents`, { method: 'POST', headers: { [CLIENT_HEADER]: 'test', cookie: supervisorCookie }, body: form });
  const body = (await response.json()) as { id: string };
  if (response.status !== 201) throw new Error(`photo not uploaded: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

describe('photos in the e-mail of matching properties', () => {
  it('embeds each lead\'s first photo inline (cid), none for a lead whose only photo is too big, and no document link', async () => {
    const { buyer, priced, byMao } = await buyerWithMatches();
    const first = await uploadPhoto(priced.id, PNG, 'front.png');
    await uploadPhoto(priced.id, Buffer.concat([PNG, Buffer.from('second')]), 'back.png');
    await uploadPhoto(byMao.id, BIG_PNG, 'huge.png');

    const response = await api.request('POST', `/api/buyers/${buyer.id}/send-matches`, { cookie: acquisitionsCookie, body: {} });
    expect(response.status).toBe(202);
    const mail = await receivedFor(buyer.email);

    const cid = `photo-${first.id}@flipstackk`;
    expect(mail.attachments.map((file) => ({ cid: file.cid, contentType: file.contentType, filename: file.filename, disposition: file.contentDisposition }))).toEqual([
      { cid, contentType: 'image/png', filename: 'front.png', disposition: 'inline' },
    ]);
    expect(mail.attachments[0]!.content.equals(PNG)).toBe(true);
    // The HTML shows it where the lead is (the parser turns cid: links into data: URLs); the saved message refers to it by cid.
    expect(mail.html as string).toContain(`alt="Photo of ${priced.street}"`);
    expect(mail.html as string).not.toContain(`alt="Photo of ${byMao.street}"`);
    const saved = await api.testDb.db.emailMessage.findUniqueOrThrow({ where: { id: response.body.message.id } });
    expect(saved.html).toContain(`src="cid:${cid}"`);
    expect(saved.html).not.toContain('/api/documents/');
    expect(mail.text!.match(/\(photo attached\)/g)).toHaveLength(1);

    // The Outbox previews the message as a mail client shows it: the photo in place, from the file.
    const preview = await api.request('GET', `/api/outbox/${saved.id}/html`, { cookie: adminCookie });
    expect(preview.status).toBe(200);
    expect(preview.body as string).toContain(`src="data:image/png;base64,${PNG.toString('base64')}"`);
    expect(preview.body as string).not.toContain('cid:');
  });
});
