import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CLIENT_HEADER } from '../../domain/auth/client-header';
import { fileTooLargeMessage } from '../../domain/documents/document-files';
import { documentWorkflowId } from '../../domain/workflow-ids';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { buildLead, buildUser } from '../support/factories';
import { waitUntil } from '../support/wait-until';

jest.setTimeout(180_000);

// A 1 MB limit here, so the over-the-limit upload stays small.
const MAX_BYTES = 1024 * 1024;
const DAY = 86_400_000;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 0x90)]);
const HTML = Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>');
const TEXT = Buffer.from('Seller agreed to a 30-day close. Keys with the neighbour.\n');
/** Real files as people upload them: Office files written by Python's zipfile, a JPEG drawn by Chromium, a plain ZIP. */
const fixture = (name: string): Buffer => fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'documents', name));
const ZIP = fixture('photos.zip');

let api: ApiHarness;
let owner: Awaited<ReturnType<typeof buildUser>>;
let otherAgent: Awaited<ReturnType<typeof buildUser>>;
let supervisor: Awaited<ReturnType<typeof buildUser>>;
let acquisitions: Awaited<ReturnType<typeof buildUser>>;
const cookies = {} as Record<string, string>;

beforeAll(async () => {
  api = await startApiHarness({ documentMaxBytes: MAX_BYTES });
  const { db } = api.testDb;
  owner = await buildUser(db, { role: 'AGENT', name: 'Olive Owner' });
  otherAgent = await buildUser(db, { role: 'AGENT', name: 'Otto Other' });
  supervisor = await buildUser(db, { role: 'SUPERVISOR', name: 'Sue Pervisor' });
  acquisitions = await buildUser(db, { role: 'ACQUISITIONS', name: 'Aki Acquisitions' });
  for (const user of [owner, otherAgent, supervisor, acquisitions]) cookies[user.id] = await api.login(user.email);
});
afterAll(() => api?.close());

const cookieOf = (user: { id: string }): string => cookies[user.id]!;

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
/** Every file under DOCUMENTS_DIR, the upload folder included. */
const filesOnDisk = (): string[] => (fs.existsSync(api.documentsDir) ? (fs.readdirSync(api.documentsDir, { recursive: true }) as string[]).filter((name) => fs.statSync(path.join(api.documentsDir, name)).isFile()).sort() : []);

async function upload(
  cookie: string,
  fields: Record<string, string>,
  file: { bytes: Buffer; name: string; type?: string },
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }), file.name);
  const response = await fetch(`${api.url}/api/documents`, { method: 'POST', headers: { [CLIENT_HEADER]: 'test', cookie, ...headers }, body: form });
  return { status: response.status, body: await response.json() };
}

const download = (cookie: string, id: string) => fetch(`${api.url}/api/documents/${id}/file`, { headers: { cookie } });

describe('uploading a document', () => {
  it('stores the file under its content hash with its sniffed type, keeps the name it was given, and lists it', async () => {
    const lead = await buildLead(api.testDb.db, owner.id);
    const created = await upload(cookieOf(owner), { kind: 'PURCHASE_CONTRACT', leadId: lead.id }, { bytes: PDF, name: 'Purchase contract.pdf', type: 'application/pdf' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'PURCHASE_CONTRACT', fileName: 'Purchase contract.pdf', mimeType: 'application/pdf', sizeBytes: PDF.length, leadId: lead.id, hasFile: true, uploadedById: owner.id });
    const stored = path.join(api.documentsDir, sha256(PDF));
    expect(fs.readFileSync(stored).equals(PDF)).toBe(true);
    expect(filesOnDisk()).not.toContain('Purchase contract.pdf');
    expect(fs.readdirSync(path.join(api.documentsDir, 'incoming'))).toEqual([]);
    const row = await api.testDb.db.document.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(row.storagePath).toBe(sha256(PDF));

    const listed = await api.request('GET', `/api/documents?leadId=${lead.id}`, { cookie: cookieOf(owner) });
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([created.body.id]);
  });

  it('believes the content, not the name or the client: a PNG named .pdf and sent as a PDF is stored as image/png', async () => {
    const lead = await buildLead(api.testDb.db, owner.id);
    const created = await upload(cookieOf(owner), { kind: 'PHOTO', leadId: lead.id }, { bytes: PNG, name: 'front-of-house.pdf', type: 'application/pdf' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ mimeType: 'image/png', fileName: 'front-of-house.pdf' });
    const file = await download(cookieOf(owner), created.body.id);
    expect(file.headers.get('content-type')).toBe('image/png');
  });

  it.each([
    ['a Windows program', EXE, 'invoice.pdf'],
    ['an HTML page', HTML, 'contract.txt'],
    ['an empty file', Buffer.alloc(0), 'empty.pdf'],
    ['a plain ZIP archive', ZIP, 'photos.zip'],
  ])('refuses %s with a 400 that names the allowed types, and leaves nothing on disk', async (_what, bytes, name) => {
    const lead = await buildLead(api.testDb.db, owner.id);
    const before = filesOnDisk();
    const refused = await upload(cookieOf(owner), { kind: 'OTHER', leadId: lead.id }, { bytes, name, type: 'application/pdf' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields.file).toBeDefined();
    if (bytes.length > 0) expect(refused.body.error.message).toMatch(/PDF, PNG, JPEG, HEIC, DOCX, XLSX or TXT/);
    expect(filesOnDisk()).toEqual(before);
    expect(await api.testDb.db.document.count({ where: { leadId: lead.id } })).toBe(0);
  });

  it.each([
    ['a Word contract', 'assignment-contract.docx', 'ASSIGNMENT_CONTRACT', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'attachment'],
    ['an Excel estimate', 'repair-estimate.xlsx', 'OTHER', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'attachment'],
    ['a JPEG photo', 'front-of-house.jpg', 'PHOTO', 'image/jpeg', 'inline'],
    // header-only.heic is an `ftyp` box (major brand heic, compatible mif1) and nothing else: what the sniffer reads of an iPhone photo.
    ['an iPhone HEIC photo', 'header-only.heic', 'PHOTO', 'image/heic', 'attachment'],
  ])('takes %s (%s) with its sniffed type and serves it back with that type', async (_what, name, kind, mimeType, disposition) => {
    const lead = await buildLead(api.testDb.db, owner.id);
    const bytes = fixture(name);
    // Sent as a generic stream: the type comes from the content alone.
    const created = await upload(cookieOf(owner), { kind, leadId: lead.id }, { bytes, name });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind, fileName: name, mimeType, sizeBytes: bytes.length, hasFile: true });
    const file = await download(cookieOf(owner), created.body.id);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe(mimeType);
    expect(file.headers.get('content-disposition')).toBe(`${disposition}; filename="${name}"; filename*=UTF-8''${name}`);
    expect(Buffer.from(await file.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('refuses a file over the limit with a 413 and leaves nothing on disk', async () => {
    const lead = await buildLead(api.testDb.db, owner.id);
    const before = filesOnDisk();
    const big = Buffer.concat([PDF, Buffer.alloc(MAX_BYTES, 0x20)]);
    const refused = await upload(cookieOf(owner), { kind: 'DISCLOSURE', leadId: lead.id }, { bytes: big, name: 'huge.pdf' });
    expect(refused.status).toBe(413);
    expect(refused.body.error.message).toBe('The file is larger than 1 MB; upload a smaller file');
    // The part written before the limit was reached is removed once the answer is sent.
    await waitUntil('the partial upload removed', async () => JSON.stringify(filesOnDisk()) === JSON.stringify(before));
    expect(await api.testDb.db.document.count({ where: { leadId: lead.id } })).toBe(0);
  });

  it('tells the page the configured limit (GET /api/config), which it writes and refuses a bigger file with in the 413 words', async () => {
    const config = await api.request('GET', '/api/config', { cookie: cookieOf(otherAgent) });
    expect(config.status).toBe(200);
    expect(config.body.documentMaxBytes).toBe(MAX_BYTES);
    expect(fileTooLargeMessage(config.body.documentMaxBytes)).toBe('The file is larger than 1 MB; upload a smaller file');
  });

  it('refuses bad fields (unknown kind, no record) with a 400 and leaves nothing on disk', async () => {
    const before = filesOnDisk();
    const refused = await upload(cookieOf(owner), { kind: 'LETTER' }, { bytes: TEXT, name: 'note.txt' });
    expect(refused.status).toBe(400);
    expect(Object.keys(refused.body.error.fields)).toEqual(['kind']);
    const noRecord = await upload(cookieOf(owner), { kind: 'OTHER' }, { bytes: TEXT, name: 'note.txt' });
    expect(noRecord.body.error.fields).toEqual({ leadId: 'give exactly one of leadId, buyerId, offerId' });
    const missing = await upload(cookieOf(owner), { kind: 'OTHER', leadId: 'no-such-lead' }, { bytes: Buffer.from('unique text for the 422\n'), name: 'note.txt' });
    expect(missing.status).toBe(422);
    expect(filesOnDisk()).toEqual(before);
  });

  it('refuses a malformed multipart body with a 400, never a 500, and leaves nothing on disk', async () => {
    const lead = await buildLead(api.testDb.db, owner.id);
    const post = async (contentType: string, body: string | Uint8Array<ArrayBuffer>) => {
      const response = await fetch(`${api.url}/api/documents`, { method: 'POST', headers: { [CLIENT_HEADER]: 'test', cookie: cookieOf(owner), 'content-type': contentType }, body });
      return { status: response.status, body: await response.json() };
    };
    // No boundary at all.
    const noBoundary = await post('multipart/form-data', JSON.stringify({ kind: 'OTHER', leadId: lead.id }));
    expect(noBoundary.status).toBe(400);
    expect(noBoundary.body.error.message).toMatch(/malformed/i);
    // A part whose name is a control character, and a ZIP file.
    const boundary = 'b0undary';
    const zip = Buffer.from('504b0304140000000000503b5d43000000000100000001000000050000006174787461', 'hex');
    const parts = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="\x1a "\r\n\r\n{}\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nPURCHASE_CONTRACT\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="file.zip"\r\n\r\n`),
      zip,
      Buffer.from(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="leadId"\r\n\r\n${lead.id}\r\n--${boundary}--\r\n`),
    ]);
    const odd = await post(`multipart/form-data; boundary=${boundary}`, new Uint8Array(parts));
    expect(odd.status).toBe(400);
    // Truncated mid-part.
    const truncated = await post(`multipart/form-data; boundary=${boundary}`, `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4`);
    expect(truncated.status).toBe(400);
    const incoming = path.join(api.documentsDir, 'incoming');
    expect(fs.existsSync(incoming) ? fs.readdirSync(incoming) : []).toEqual([]);
  });

  it('answers a retried upload under the same Idempotency-Key with the first document', async () => {
    const lead = await buildLead(api.testDb.db, owner.id);
    const headers = { 'Idempotency-Key': `upload-${Date.now()}` };
    const first = await upload(cookieOf(owner), { kind: 'OTHER', leadId: lead.id }, { bytes: TEXT, name: 'notes.txt' }, headers);
    const again = await upload(cookieOf(owner), { kind: 'OTHER', leadId: lead.id }, { bytes: TEXT, name: 'notes.txt' }, headers);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body.id).toBe(first.body.id);
    expect(await api.testDb.db.document.count({ where: { leadId: lead.id } })).toBe(1);
    expect(fs.readdirSync(path.join(api.documentsDir, 'incoming'))).toEqual([]);
  });
});

describe('downloading a document', () => {
  it('serves a PDF inline with its type, and a text file as an attachment', async () => {
    const lead = await buildLead(api.testDb.db, owner.id);
    const pdf = await upload(cookieOf(owner), { kind: 'DISCLOSURE', leadId: lead.id }, { bytes: PDF, name: 'disclosure.pdf' });
    const file = await download(cookieOf(owner), pdf.body.id);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toBe(`inline; filename="disclosure.pdf"; filename*=UTF-8''disclosure.pdf`);
    expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);

    const text = await upload(cookieOf(owner), { kind: 'OTHER', leadId: lead.id }, { bytes: TEXT, name: 'walkthrough.txt' });
    expect(text.body.mimeType).toBe('text/plain');
    const textFile = await download(cookieOf(owner), text.body.id);
    expect(textFile.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(textFile.headers.get('content-disposition')).toMatch(/^attachment; filename="walkthrough.txt"/);
    expect(textFile.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it.each([
    ['a quote and a command', '"; rm -rf.pdf', `inline; filename="__ rm -rf.pdf"; filename*=UTF-8''%22%3B%20rm%20-rf.pdf`],
    ['non-ASCII letters', 'Kaufvertrag – Müller.pdf', `inline; filename="Kaufvertrag _ M_ller.pdf"; filename*=UTF-8''Kaufvertrag%20%E2%80%93%20M%C3%BCller.pdf`],
    ['a path and a line break', '../../etc/passwd\r\nX-Evil: 1.pdf', `inline; filename=".._.._etc_passwd__X-Evil: 1.pdf"; filename*=UTF-8''.._.._etc_passwd__X-Evil%3A%201.pdf`],
  ])('keeps a hostile file name (%s) inside a safe Content-Disposition', async (_what, fileName, disposition) => {
    const lead = await buildLead(api.testDb.db, owner.id);
    const created = await upload(cookieOf(owner), { kind: 'DISCLOSURE', leadId: lead.id }, { bytes: PDF, name: 'plain.pdf' });
    // Set directly: a browser's form encoding would escape some of these characters before they reach us.
    await api.testDb.db.document.update({ where: { id: created.body.id }, data: { fileName } });
    const file = await download(cookieOf(owner), created.body.id);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toBe(disposition);
    expect(file.headers.get('x-evil')).toBeNull();
  });

  it('keeps a non-ASCII name given in the upload', async () => {
    const lead = await buildLead(api.testDb.db, owner.id);
    const created = await upload(cookieOf(owner), { kind: 'DISCLOSURE', leadId: lead.id }, { bytes: PDF, name: 'Offenlegung – Ärger.pdf' });
    expect(created.body.fileName).toBe('Offenlegung – Ärger.pdf');
  });

  it("gives a lead's document only to those who may see it: an agent cannot download or list another agent's lead's document", async () => {
    const lead = await buildLead(api.testDb.db, owner.id);
    const created = await upload(cookieOf(owner), { kind: 'PURCHASE_CONTRACT', leadId: lead.id }, { bytes: PDF, name: 'psa.pdf' });
    const refused = await download(cookieOf(otherAgent), created.body.id);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toMatch(/only the record's owner, the document's uploader/);
    expect((await api.request('GET', `/api/documents?leadId=${lead.id}`, { cookie: cookieOf(otherAgent) })).body.items).toEqual([]);
    for (const user of [owner, supervisor, acquisitions]) expect((await download(cookieOf(user), created.body.id)).status).toBe(200);

    // What the other agent uploaded on the lead, they see.
    const theirs = await upload(cookieOf(otherAgent), { kind: 'PHOTO', leadId: lead.id }, { bytes: PNG, name: 'porch.png' });
    expect((await download(cookieOf(otherAgent), theirs.body.id)).status).toBe(200);
    expect((await api.request('GET', `/api/documents?leadId=${lead.id}`, { cookie: cookieOf(otherAgent) })).body.items.map((item: { id: string }) => item.id)).toEqual([theirs.body.id]);
  });

  it('archives a document: it leaves the list and its download, and its file stays on disk', async () => {
    const lead = await buildLead(api.testDb.db, owner.id);
    const bytes = Buffer.from('%PDF-1.4\n% archived one\n%%EOF\n');
    const created = await upload(cookieOf(owner), { kind: 'DISCLOSURE', leadId: lead.id }, { bytes, name: 'old.pdf' });
    expect((await api.request('POST', `/api/documents/${created.body.id}/archive`, { cookie: cookieOf(otherAgent) })).status).toBe(403);
    const archived = await api.request('POST', `/api/documents/${created.body.id}/archive`, { cookie: cookieOf(owner) });
    expect(archived.status).toBe(200);
    expect(archived.body.archivedAt).not.toBeNull();
    expect((await api.request('GET', `/api/documents?leadId=${lead.id}`, { cookie: cookieOf(owner) })).body.items).toEqual([]);
    expect((await download(cookieOf(owner), created.body.id)).status).toBe(404);
    expect(fs.existsSync(path.join(api.documentsDir, sha256(bytes)))).toBe(true);

    // Only an admin purges it: then the row and the file go.
    expect((await api.request('DELETE', `/api/documents/${created.body.id}`, { cookie: cookieOf(supervisor) })).status).toBe(403);
    const admin = await buildUser(api.testDb.db, { role: 'ADMIN' });
    expect((await api.request('DELETE', `/api/documents/${created.body.id}`, { cookie: await api.login(admin.email) })).status).toBe(204);
    expect(await api.testDb.db.document.findUnique({ where: { id: created.body.id } })).toBeNull();
    expect(fs.existsSync(path.join(api.documentsDir, sha256(bytes)))).toBe(false);
  });

  it("lists a record's archived documents to an admin only, last archived first; an agent, even the owner, gets a 403 and a bad value a 400 naming it", async () => {
    const lead = await buildLead(api.testDb.db, owner.id);
    const kept = await upload(cookieOf(owner), { kind: 'OTHER', leadId: lead.id }, { bytes: Buffer.from('Kept: the seller disclosure notes.\n'), name: 'kept.txt' });
    const first = await upload(cookieOf(owner), { kind: 'OTHER', leadId: lead.id }, { bytes: Buffer.from('Archived first: an old estimate.\n'), name: 'old-estimate.txt' });
    const second = await upload(cookieOf(owner), { kind: 'PHOTO', leadId: lead.id }, { bytes: PNG, name: 'blurry.png' });
    for (const doc of [first, second]) expect((await api.request('POST', `/api/documents/${doc.body.id}/archive`, { cookie: cookieOf(owner) })).status).toBe(200);
    const otherLead = await buildLead(api.testDb.db, owner.id);
    const elsewhere = await upload(cookieOf(owner), { kind: 'OTHER', leadId: otherLead.id }, { bytes: Buffer.from('Archived on another lead.\n'), name: 'elsewhere.txt' });
    await api.request('POST', `/api/documents/${elsewhere.body.id}/archive`, { cookie: cookieOf(owner) });

    const admin = await buildUser(api.testDb.db, { role: 'ADMIN' });
    const adminCookie = await api.login(admin.email);
    const archived = await api.request('GET', `/api/documents?leadId=${lead.id}&archived=true`, { cookie: adminCookie });
    expect(archived.status).toBe(200);
    expect(archived.body.items.map((item: { id: string }) => item.id)).toEqual([second.body.id, first.body.id]);
    expect(archived.body.items.every((item: { archivedAt: string | null }) => item.archivedAt !== null)).toBe(true);
    const live = await api.request('GET', `/api/documents?leadId=${lead.id}&archived=false`, { cookie: adminCookie });
    expect(live.body.items.map((item: { id: string }) => item.id)).toEqual([kept.body.id]);

    for (const user of [owner, supervisor]) {
      const refused = await api.request('GET', `/api/documents?leadId=${lead.id}&archived=true`, { cookie: cookieOf(user) });
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toBe('Only an admin can see archived documents');
    }
    const bad = await api.request('GET', `/api/documents?leadId=${lead.id}&archived=yes`, { cookie: adminCookie });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual({ archived: 'must be true or false' });
  });

  it('purging one of two documents with the same content keeps the file for the other', async () => {
    const lead = await buildLead(api.testDb.db, owner.id);
    const bytes = Buffer.from('Shared walkthrough notes, uploaded twice.\n');
    const first = await upload(cookieOf(owner), { kind: 'OTHER', leadId: lead.id }, { bytes, name: 'one.txt' });
    const second = await upload(cookieOf(owner), { kind: 'OTHER', leadId: lead.id }, { bytes, name: 'two.txt' });
    const admin = await buildUser(api.testDb.db, { role: 'ADMIN' });
    expect((await api.request('DELETE', `/api/documents/${first.body.id}`, { cookie: await api.login(admin.email) })).status).toBe(204);
    const file = await download(cookieOf(owner), second.body.id);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toMatch(/filename="two.txt"/);
    expect(Buffer.from(await file.arrayBuffer()).equals(bytes)).toBe(true);
  });
});

describe('documents on an offer', () => {
  it("uploads on a purchase offer, downloads it back, and gives it only to the offer's lead owner, its uploader, acquisitions and a supervisor", async () => {
    const lead = await buildLead(api.testDb.db, owner.id);
    const offer = await api.request('POST', '/api/offers', { cookie: cookieOf(owner), body: { leadId: lead.id, kind: 'PURCHASE', amount: 92_500, status: 'SENT' } });
    expect(offer.status).toBe(201);
    const bytes = Buffer.from('%PDF-1.4\n% signed purchase agreement, 92,500\n%%EOF\n');
    const created = await upload(cookieOf(owner), { kind: 'PURCHASE_CONTRACT', offerId: offer.body.id }, { bytes, name: 'Signed PSA.pdf', type: 'application/pdf' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'PURCHASE_CONTRACT', offerId: offer.body.id, leadId: null, buyerId: null, fileName: 'Signed PSA.pdf', mimeType: 'application/pdf', sizeBytes: bytes.length });

    const listed = await api.request('GET', `/api/documents?offerId=${offer.body.id}`, { cookie: cookieOf(owner) });
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([created.body.id]);
    const file = await download(cookieOf(owner), created.body.id);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toMatch(/^inline; filename="Signed PSA.pdf"/);
    expect(Buffer.from(await file.arrayBuffer()).equals(bytes)).toBe(true);

    // Another agent reads the offer but not the contract on it.
    expect((await api.request('GET', `/api/offers?leadId=${lead.id}`, { cookie: cookieOf(otherAgent) })).status).toBe(200);
    const refused = await download(cookieOf(otherAgent), created.body.id);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toMatch(/only the record's owner, the document's uploader/);
    expect((await api.request('GET', `/api/documents?offerId=${offer.body.id}`, { cookie: cookieOf(otherAgent) })).body.items).toEqual([]);
    for (const user of [supervisor, acquisitions]) expect((await download(cookieOf(user), created.body.id)).status).toBe(200);
  });

  it('refuses an upload on an offer that does not exist, and leaves nothing on disk', async () => {
    const before = filesOnDisk();
    const refused = await upload(cookieOf(owner), { kind: 'OTHER', offerId: 'no-such-offer' }, { bytes: Buffer.from('unique text for the missing offer\n'), name: 'note.txt' });
    expect(refused.status).toBe(422);
    expect(filesOnDisk()).toEqual(before);
  });
});

describe('expiry', () => {
  const startedWith = async (workflowId: string) => {
    const history = await api.temporal.client.workflow.getHandle(workflowId).fetchHistory();
    const payload = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0]?.data;
    return JSON.parse(Buffer.from(payload!).toString('utf8')) as { documentId: string; expiresAt: string };
  };

  it("re-arms document-<id>'s reminders when PATCH changes the expiry: a new run with the new date replaces the old one", async () => {
    const lead = await buildLead(api.testDb.db, owner.id);
    const firstExpiry = new Date(Date.now() + 30 * DAY).toISOString();
    const created = await upload(cookieOf(owner), { kind: 'PURCHASE_CONTRACT', leadId: lead.id, expiresAt: firstExpiry }, { bytes: PDF, name: 'psa.pdf' });
    expect(created.body.expiresAt).toBe(firstExpiry);
    const handle = api.temporal.client.workflow.getHandle(documentWorkflowId(created.body.id));
    const first = await handle.describe();
    expect(first.status.name).toBe('RUNNING');
    expect(await startedWith(documentWorkflowId(created.body.id))).toEqual({ documentId: created.body.id, expiresAt: firstExpiry });

    // Another agent may not move it; its uploader may.
    expect((await api.request('PATCH', `/api/documents/${created.body.id}`, { cookie: cookieOf(otherAgent), body: { expiresAt: firstExpiry } })).status).toBe(403);
    const secondExpiry = new Date(Date.now() + 10 * DAY).toISOString();
    const patched = await api.request('PATCH', `/api/documents/${created.body.id}`, { cookie: cookieOf(owner), body: { expiresAt: secondExpiry } });
    expect(patched.status).toBe(200);
    expect(patched.body.expiresAt).toBe(secondExpiry);

    const second = await handle.describe();
    expect(second.runId).not.toBe(first.runId);
    expect(second.status.name).toBe('RUNNING');
    expect(await startedWith(documentWorkflowId(created.body.id))).toEqual({ documentId: created.body.id, expiresAt: secondExpiry });
    const old = await api.temporal.client.workflow.getHandle(documentWorkflowId(created.body.id), first.runId).describe();
    expect(old.status.name).toBe('TERMINATED');
    const row = await api.testDb.db.document.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(row.workflowStartedAt).not.toBeNull();
    const events = await api.testDb.db.event.findMany({ where: { entityType: 'document', entityId: created.body.id }, orderBy: { id: 'asc' } });
    expect(events.map((event) => event.action)).toEqual(['created', 'updated']);
  });

  it("a PROOF_OF_FUNDS document on a buyer sets the buyer's proof-of-funds expiry, and a new expiry moves it", async () => {
    const buyer = await api.testDb.db.buyer.create({ data: { name: 'Cash Carla', ownerId: acquisitions.id, cashBuyer: true } });
    const expiresAt = new Date(Date.now() + 60 * DAY).toISOString();
    const created = await upload(cookieOf(acquisitions), { kind: 'PROOF_OF_FUNDS', buyerId: buyer.id, expiresAt }, { bytes: PDF, name: 'bank-letter.pdf' });
    expect(created.status).toBe(201);
    expect((await api.testDb.db.buyer.findUniqueOrThrow({ where: { id: buyer.id } })).pofExpiresAt?.toISOString()).toBe(expiresAt);
    const buyerEvent = await api.testDb.db.event.findFirst({ where: { entityType: 'buyer', entityId: buyer.id, action: 'updated' } });
    expect(buyerEvent).not.toBeNull();

    const later = new Date(Date.now() + 90 * DAY).toISOString();
    expect((await api.request('PATCH', `/api/documents/${created.body.id}`, { cookie: cookieOf(acquisitions), body: { expiresAt: later } })).status).toBe(200);
    expect((await api.testDb.db.buyer.findUniqueOrThrow({ where: { id: buyer.id } })).pofExpiresAt?.toISOString()).toBe(later);
  });
});

describe("a proof of funds and the buyer's expiry", () => {
  const buildBuyer = (pofExpiresAt: Date | null = null) => api.testDb.db.buyer.create({ data: { name: `Cash Buyer ${Date.now()}`, ownerId: acquisitions.id, cashBuyer: true, pofExpiresAt } });
  const pofOf = async (buyerId: string) => (await api.testDb.db.buyer.findUniqueOrThrow({ where: { id: buyerId } })).pofExpiresAt?.toISOString() ?? null;
  const buyerEvents = (buyerId: string) => api.testDb.db.event.count({ where: { entityType: 'buyer', entityId: buyerId } });
  const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

  it("refuses an agent's proof of funds with an expiry on a buyer with a 403 saying why, as editing the buyer is, and changes nothing", async () => {
    const saved = new Date(Date.now() + 20 * DAY);
    const buyer = await buildBuyer(saved);
    const json = await api.request('POST', '/api/documents', { cookie: cookieOf(otherAgent), body: { buyerId: buyer.id, kind: 'PROOF_OF_FUNDS', fileName: 'pof.pdf', expiresAt: '2026-12-06T12:00:00Z' } });
    expect(json.status).toBe(403);
    expect(json.body.error.message).toBe(
      "A proof of funds with an expiry sets the buyer's proof-of-funds expiry, and only acquisitions, a supervisor or an admin can change a buyer: add it without an expiry and acquisitions will set it",
    );
    // The buyer PATCH refuses the same agent the same way.
    expect((await api.request('PATCH', `/api/buyers/${buyer.id}`, { cookie: cookieOf(otherAgent), body: { pofExpiresAt: '2026-12-06T12:00:00Z' } })).status).toBe(403);
    // A past date too: the agent may not set it at all.
    expect((await api.request('POST', '/api/documents', { cookie: cookieOf(otherAgent), body: { buyerId: buyer.id, kind: 'PROOF_OF_FUNDS', fileName: 'pof.pdf', expiresAt: '2020-01-01T00:00:00Z' } })).status).toBe(403);

    const before = filesOnDisk();
    const bytes = Buffer.from('%PDF-1.4\n% an agent forwards a bank letter\n%%EOF\n');
    const uploaded = await upload(cookieOf(otherAgent), { kind: 'PROOF_OF_FUNDS', buyerId: buyer.id, expiresAt: inDays(90) }, { bytes, name: 'bank-letter.pdf' });
    expect(uploaded.status).toBe(403);
    expect(filesOnDisk()).toEqual(before);

    expect(await pofOf(buyer.id)).toBe(saved.toISOString());
    expect(await buyerEvents(buyer.id)).toBe(0);
    expect(await api.testDb.db.document.count({ where: { buyerId: buyer.id } })).toBe(0);
  });

  it("takes an agent's proof of funds without an expiry, which leaves the buyer alone, and refuses the agent's PATCH that would set it", async () => {
    const buyer = await buildBuyer();
    const letter = await upload(cookieOf(otherAgent), { kind: 'PROOF_OF_FUNDS', buyerId: buyer.id }, { bytes: PDF, name: 'bank-letter.pdf' });
    expect(letter.status).toBe(201);
    const patched = await api.request('PATCH', `/api/documents/${letter.body.id}`, { cookie: cookieOf(otherAgent), body: { expiresAt: inDays(60) } });
    expect(patched.status).toBe(403);
    expect(patched.body.error.message).toMatch(/^A proof of funds with an expiry sets the buyer's proof-of-funds expiry/);

    // Nor may another document of theirs become one: an expiring statement turned into a proof of funds.
    const other = await api.request('POST', '/api/documents', { cookie: cookieOf(otherAgent), body: { buyerId: buyer.id, kind: 'OTHER', fileName: 'statement.pdf', expiresAt: inDays(30) } });
    expect(other.status).toBe(201);
    expect((await api.request('PATCH', `/api/documents/${other.body.id}`, { cookie: cookieOf(otherAgent), body: { kind: 'PROOF_OF_FUNDS' } })).status).toBe(403);

    expect(await pofOf(buyer.id)).toBeNull();
    expect(await buyerEvents(buyer.id)).toBe(0);
    const rows = await api.testDb.db.document.findMany({ where: { buyerId: buyer.id }, orderBy: { createdAt: 'asc' } });
    expect(rows.map((row) => [row.kind, row.expiresAt?.toISOString() ?? null])).toEqual([
      ['PROOF_OF_FUNDS', null],
      ['OTHER', other.body.expiresAt],
    ]);

    // A supervisor then sets it on the agent's letter: the buyer follows.
    const expiresAt = inDays(45);
    expect((await api.request('PATCH', `/api/documents/${letter.body.id}`, { cookie: cookieOf(supervisor), body: { expiresAt } })).status).toBe(200);
    expect(await pofOf(buyer.id)).toBe(expiresAt);
  });

  it("refuses a proof-of-funds expiry in the past with a 400 naming expiresAt, on create and PATCH, while other documents keep taking past expiries", async () => {
    const saved = new Date(Date.now() + 20 * DAY);
    const buyer = await buildBuyer(saved);
    const past = await api.request('POST', '/api/documents', { cookie: cookieOf(acquisitions), body: { buyerId: buyer.id, kind: 'PROOF_OF_FUNDS', fileName: 'old-letter.pdf', expiresAt: '2020-01-01T00:00:00Z' } });
    expect(past.status).toBe(400);
    expect(past.body.error.fields).toEqual({ expiresAt: "must be in the future for a proof of funds: it becomes the buyer's proof-of-funds expiry" });
    expect(past.body.error.message).toBe("Invalid body: Expiry must be in the future for a proof of funds: it becomes the buyer's proof-of-funds expiry");
    const uploadedPast = await upload(cookieOf(acquisitions), { kind: 'PROOF_OF_FUNDS', buyerId: buyer.id, expiresAt: '2020-01-01T00:00:00.000Z' }, { bytes: PDF, name: 'old-letter.pdf' });
    expect(uploadedPast.status).toBe(400);
    expect(Object.keys(uploadedPast.body.error.fields)).toEqual(['expiresAt']);

    const letter = await api.request('POST', '/api/documents', { cookie: cookieOf(acquisitions), body: { buyerId: buyer.id, kind: 'PROOF_OF_FUNDS', fileName: 'letter.pdf', expiresAt: inDays(60) } });
    expect(letter.status).toBe(201);
    const patched = await api.request('PATCH', `/api/documents/${letter.body.id}`, { cookie: cookieOf(acquisitions), body: { expiresAt: '2020-01-01T00:00:00Z' } });
    expect(patched.status).toBe(400);
    expect(Object.keys(patched.body.error.fields)).toEqual(['expiresAt']);
    expect(await pofOf(buyer.id)).toBe(letter.body.expiresAt);
    expect((await api.testDb.db.document.findUniqueOrThrow({ where: { id: letter.body.id } })).expiresAt?.toISOString()).toBe(letter.body.expiresAt);

    // A contract recorded after it lapsed, and a proof of funds on a lead (no buyer's expiry to set), keep their past dates.
    const lead = await buildLead(api.testDb.db, owner.id);
    const lapsed = await api.request('POST', '/api/documents', { cookie: cookieOf(owner), body: { leadId: lead.id, kind: 'PURCHASE_CONTRACT', fileName: 'lapsed-psa.pdf', expiresAt: '2020-01-01T00:00:00Z' } });
    expect(lapsed.status).toBe(201);
    const onLead = await api.request('POST', '/api/documents', { cookie: cookieOf(owner), body: { leadId: lead.id, kind: 'PROOF_OF_FUNDS', fileName: 'seller-pof.pdf', expiresAt: '2020-01-01T00:00:00Z' } });
    expect(onLead.status).toBe(201);
  });
});
