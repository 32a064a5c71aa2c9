import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { buildLeadInput, buildUser } from '../support/factories';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { importFixture, postCsv, writeGeneratedList } from '../support/import-files';
import { waitUntil } from '../support/wait-until';
import { openEventStream, type ReceivedEvent } from '../support/sse-client';
import { recordHistory } from '../support/temporal-env';
import { importWorkflowId } from '../../domain/workflow-ids';

jest.setTimeout(180_000);

let api: ApiHarness;
let supervisor: { id: string };
let cookie: string;
let agentCookie: string;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipstackk-imports-'));

beforeAll(async () => {
  api = await startApiHarness();
  supervisor = await buildUser(api.testDb.db, { role: 'SUPERVISOR' });
  cookie = await api.login((supervisor as { email: string } & typeof supervisor).email);
  agentCookie = await api.login((await buildUser(api.testDb.db, { role: 'AGENT' })).email);
});
afterAll(() => api?.close());

const upload = (file: string, fields: Record<string, string> = {}, as = cookie) => postCsv(`${api.url}/api/imports`, as, file, fields);
const preview = (file: string, fields: Record<string, string> = {}, as = cookie) => postCsv(`${api.url}/api/imports/preview`, as, file, fields);
// A poll that meets a reset connection polls again: at load 20 this process (API and worker in one)
// can stall for seconds, and a kept-alive socket then closes under the next request (ECONNRESET).
const finished = (id: string, timeoutMs = 180_000) =>
  waitUntil(`import ${id} to end`, async () => {
    const answer = await api.request('GET', `/api/imports/${id}`, { cookie }).catch((error: unknown) => {
      if ((error as { message?: unknown } | null)?.message === 'fetch failed') return null;
      throw error;
    });
    return answer && ['COMPLETED', 'CANCELLED', 'FAILED'].includes(answer.body.status) ? answer.body : null;
  }, timeoutMs);

describe('POST /api/imports/preview', () => {
  it('recognises a PropStream export and shows its first rows as leads', async () => {
    const { status, body } = await preview(importFixture('propstream.csv'));
    expect(status).toBe(200);
    expect(body.provider).toBe('PROPSTREAM');
    expect(body.headers[0]).toBe('Address');
    expect(body.mapping).toMatchObject({ Address: 'street', Zip: 'zip', 'Est. Value': 'arv', 'Phone 1 DNC': 'phone1Dnc', 'Owner Occupied': null });
    expect(body.sample).toHaveLength(6);
    expect(body.sample[0].lead).toMatchObject({ sellerName: 'John Smith & Jane Smith', zip: '45402', zipPlus4: '1234', arv: 150_470 });
    expect(body.sample[2]).toMatchObject({ lead: null, error: 'invalid zip "ABCDE"' });
  });

  it('a file without an address or a zip column is a 400 naming both; a mapping fixes it', async () => {
    const file = path.join(dir, 'owners.csv');
    fs.writeFileSync(file, 'Owner,Where,Postcode\nPat Lee,9 Elm St,45402\n');
    const refused = await preview(file);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('an address and a zip');
    expect(refused.body.error.fields).toEqual({ street: 'no column is mapped to an address', zip: 'no column is mapped to a zip' });
    const mapped = await preview(file, { mapping: JSON.stringify({ Owner: 'sellerName', Where: 'street', Postcode: 'zip' }) });
    expect(mapped.status).toBe(200);
    expect(mapped.body.sample[0]).toMatchObject({ error: 'missing city' });
  });

  it('a mapping that is not a JSON object, or names no lead field, is a 400 naming the mapping', async () => {
    const file = path.join(dir, 'owners-mapped.csv');
    fs.writeFileSync(file, 'Where,Postcode\n9 Elm St,45402\n');
    const garbled = await preview(file, { mapping: '{Where: street' });
    expect(garbled.status).toBe(400);
    expect(garbled.body.error.fields).toEqual({ mapping: 'must be a JSON object of column name → lead field (or null)' });
    const unknownField = await preview(file, { mapping: JSON.stringify({ Where: 'street', Postcode: 'postcode' }) });
    expect(unknownField.status).toBe(400);
    expect(Object.keys(unknownField.body.error.fields)).toEqual(['mapping.Postcode']);
  });

  it('marks the sample rows the import would count as duplicates: of a live lead, or of an earlier row', async () => {
    const existing = await api.request('POST', '/api/leads', { cookie, body: buildLeadInput({ street: '77 Preview Duplicate Avenue', zip: '45405', sellerName: 'Typed Before' }) });
    expect(existing.status).toBe(201);
    const file = path.join(dir, 'preview-duplicates.csv');
    fs.writeFileSync(
      file,
      [
        'Address,City,State,Zip,Owner',
        '9 First Copy Street,Dayton,OH,45402,Row Two',
        '77 preview duplicate ave.,Dayton,OH,45405-1234,Already In',
        '9  FIRST COPY ST,Dayton,OH,45402,Row Four',
        '12 Bad Zip Rd,Dayton,OH,ABCDE,Bad Zip',
        '9 First Copy Street #2,Dayton,OH,45402,Another Unit',
      ].join('\n'),
    );
    const { status, body } = await preview(file, { mapping: JSON.stringify({ Address: 'street', City: 'city', State: 'state', Zip: 'zip', Owner: 'sellerName' }) });
    expect(status).toBe(200);
    expect(body.sample.map((row: { rowNumber: number; duplicateOf: unknown }) => [row.rowNumber, row.duplicateOf])).toEqual([
      [2, null],
      [3, { rowNumber: null, leadId: existing.body.id }],
      [4, { rowNumber: 2, leadId: null }],
      [5, null],
      [6, null],
    ]);
    // The import counts them so: rows 2 and 6 created, rows 3 and 4 duplicates, row 5 an error.
    const started = await upload(file, { mapping: JSON.stringify({ Address: 'street', City: 'city', State: 'state', Zip: 'zip', Owner: 'sellerName' }) });
    expect(started.status).toBe(202);
    expect(await finished(started.body.id)).toMatchObject({ status: 'COMPLETED', created: 2, duplicates: 2, errors: 1, total: 5 });
  });

  it('the sample is the first 10 rows of a longer file, in file order, each with its row number', async () => {
    const file = writeGeneratedList(path.join(dir, 'long-preview.csv'), 25, { street: 'Preview Pl', badEvery: 4 });
    const { status, body } = await preview(file);
    expect(status).toBe(200);
    expect(body.sample).toHaveLength(10);
    expect(body.sample.map((row: { rowNumber: number }) => row.rowNumber)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(body.sample[0].lead).toMatchObject({ street: '1 Preview Pl', sellerName: 'Owner Number 1', arv: 100_001 });
    expect(body.sample[9].lead).toMatchObject({ street: '10 Preview Pl' });
    // Bad rows are shown where they are, with the reason they would not be imported.
    expect(body.sample[3]).toMatchObject({ lead: null, error: 'invalid zip "BAD"' });
    expect(body.sample[7]).toMatchObject({ lead: null, error: 'invalid zip "BAD"' });
    // A preview imports nothing.
    expect(await api.testDb.db.lead.count({ where: { street: { contains: 'Preview Pl' } } })).toBe(0);
  });

  it('an agent may not import', async () => {
    const refused = await preview(importFixture('propstream.csv'), {}, agentCookie);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('only a supervisor or an admin can import lists');
  });

  it('refuses an agent before reading the upload: the 403 comes while the file is still being sent', async () => {
    for (const route of ['/api/imports', '/api/imports/preview']) {
      let finish = (): void => undefined;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('--edge\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\n\r\nAddress,Zip\n'));
          finish = () => controller.close();
        },
      });
      const answer = fetch(`${api.url}${route}`, {
        method: 'POST',
        body,
        duplex: 'half',
        headers: { cookie: agentCookie, 'x-flipstackk-client': 'test', 'content-type': 'multipart/form-data; boundary=edge' },
      } as RequestInit);
      const status = await Promise.race([answer.then((response) => response.status), new Promise((resolve) => setTimeout(() => resolve('no answer while the upload was open'), 5_000))]);
      finish();
      expect(status).toBe(403);
    }
  });
});

describe('POST /api/imports', () => {
  it('imports to COMPLETED: new leads, duplicates in the file and against an existing lead, bad rows in errors.csv, cold-list workflows', async () => {
    const { db } = api.testDb;
    const existing = await api.request('POST', '/api/leads', { cookie, body: buildLeadInput({ street: '500 Oak Rd', zip: '45403', sellerName: 'Typed In' }) });
    expect(existing.status).toBe(201);

    const started = await upload(importFixture('propstream.csv'), { tags: 'Spring list' });
    expect(started.status).toBe(202);
    expect(started.body).toEqual({ id: expect.any(String), status: 'QUEUED' });
    const done = await finished(started.body.id);
    expect(done).toMatchObject({ status: 'COMPLETED', provider: 'PROPSTREAM', total: 6, processed: 6, created: 2, duplicates: 2, errors: 2, notImported: 0, finishedAt: expect.any(String) });
    expect(done.created + done.duplicates + done.errors).toBe(done.total);
    await recordHistory(api.temporal, 'import-completed', importWorkflowId(started.body.id));

    const leads = await db.lead.findMany({ where: { importId: started.body.id }, orderBy: { street: 'asc' } });
    expect(leads.map((lead) => lead.street)).toEqual(['123 North Main Street', '77 Peña Court #4B']);
    for (const lead of leads) expect(lead).toMatchObject({ source: 'LIST_IMPORT', ownerId: supervisor.id, addressKey: expect.any(String) });
    expect(JSON.parse(leads[0]!.tags)).toEqual(['Spring list', 'Absentee Owners', 'High Equity']);
    expect(JSON.parse(leads[0]!.phones!)).toHaveLength(2);
    // What the list gave beyond the lead's own fields is on the lead's page and in its export; a lead typed in has none.
    const page = await api.request('GET', `/api/leads/${leads[0]!.id}`, { cookie });
    expect(page.body.listDetails).toMatchObject({ phones: JSON.parse(leads[0]!.phones!), mailingAddress: leads[0]!.mailingAddress, county: leads[0]!.county, apn: leads[0]!.apn });
    expect(page.body.listDetails.phones).toHaveLength(2);
    expect((await api.request('GET', `/api/leads/${existing.body.id}`, { cookie })).body).not.toHaveProperty('listDetails');
    // Its history begins with the import that brought it in (no event per imported lead is written).
    const history = await api.request('GET', `/api/history/lead/${leads[0]!.id}`, { cookie });
    expect(history.body.items[0]).toMatchObject({ id: 0, name: 'lead.imported', actorId: supervisor.id, createdAt: leads[0]!.createdAt.toISOString(), entity: { importId: started.body.id, fileName: 'propstream.csv', street: leads[0]!.street } });
    expect((await api.request('GET', `/api/history/lead/${existing.body.id}`, { cookie })).body.items.map((item: { name: string }) => item.name)).not.toContain('lead.imported');
    const exported = parse(await (await fetch(`${api.url}/api/leads/export.csv?q=${encodeURIComponent('North Main')}`, { headers: { cookie } })).text(), { bom: true, columns: true }) as Array<Record<string, string>>;
    const otherPhone = (JSON.parse(leads[0]!.phones!) as Array<{ number: string }>).map(({ number }) => number).find((number) => number !== leads[0]!.sellerPhone);
    expect(exported.find((row) => row.ID === leads[0]!.id)).toMatchObject({ 'Mailing address': leads[0]!.mailingAddress ?? '', 'Other phones': expect.stringContaining(otherPhone!) });
    // The typed-in lead is untouched (onDuplicate skip).
    expect(await db.lead.findUniqueOrThrow({ where: { id: existing.body.id } })).toMatchObject({ sellerName: 'Typed In', importId: null });

    // Their lead workflows run, and a cold-list lead gets no "contact within 1 hour" task.
    await waitUntil('the imported leads\' workflows', async () => (await db.lead.count({ where: { importId: started.body.id, workflowStartedAt: null } })) === 0);
    for (const lead of leads) {
      const run = await api.temporal.client.workflow.getHandle(`lead-${lead.id}`).describe();
      expect(run.status.name).toBe('RUNNING');
    }
    // Recorded once the run has decided against the contact task (its cold-list patch marker).
    const coldRun = api.temporal.client.workflow.getHandle(`lead-${leads[0]!.id}`);
    await waitUntil('the cold-list lead workflow past its first step', async () => ((await coldRun.fetchHistory()).events ?? []).some((event) => event.markerRecordedEventAttributes));
    await recordHistory(api.temporal, 'lead-cold-list', coldRun.workflowId);
    expect(await db.task.count({ where: { leadId: { in: leads.map((lead) => lead.id) } } })).toBe(0);

    const errors = await fetch(`${api.url}/api/imports/${started.body.id}/errors.csv`, { headers: { cookie } });
    expect(errors.status).toBe(200);
    expect(errors.headers.get('content-type')).toContain('text/csv');
    const rows = parse(await errors.text(), { bom: true, columns: true }) as Array<Record<string, string>>;
    // The row report: each bad row with its reason, each duplicate with the lead or the row it repeats, in file order.
    expect(rows.map((row) => [row.row, row.reason, row.Address, row.Zip])).toEqual([
      ['5', 'invalid zip "ABCDE"', '9 Elm Blvd, Apt 2', 'ABCDE'],
      ['6', 'missing address', '', '45402'],
      ['7', `duplicate of the lead at 500 Oak Rd, Dayton (${existing.body.id}): skipped`, '500 Oak Road', '45403'],
      ['8', 'duplicate of row 2: skipped', '123 N. Main St.', '45402'],
    ]);
    expect(errors.headers.get('content-disposition')).toContain('propstream-row-report.csv');

    const progress = await db.event.count({ where: { entityType: 'import', entityId: started.body.id, action: 'progress' } });
    expect(progress).toBeGreaterThanOrEqual(3);
    const list = await api.request('GET', '/api/imports', { cookie });
    expect(list.body.items.map((item: { id: string }) => item.id)).toContain(started.body.id);
    expect((await api.request('GET', '/api/imports', { cookie: agentCookie })).body.items).toEqual([]);
    expect((await api.request('GET', `/api/imports/${started.body.id}`, { cookie: agentCookie })).status).toBe(403);
  });

  it('onDuplicate update fills the empty fields of the existing lead and adds the tags, never overwriting', async () => {
    const { db } = api.testDb;
    const existing = await api.request('POST', '/api/leads', { cookie, body: { ...buildLeadInput({ street: '410 West Third Street', zip: '45402', sellerName: 'Agent Typed' }), sellerPhone: undefined } });
    const started = await upload(importFixture('dealmachine.csv'), { onDuplicate: 'update', tags: JSON.stringify(['DM']) });
    const done = await finished(started.body.id);
    // Six rows: the one at the existing lead's address, four new (one with its address only in the full-address column), one bad (a malformed zip+4).
    expect(done).toMatchObject({ status: 'COMPLETED', total: 6, created: 4, duplicates: 1, errors: 1 });
    const lead = await db.lead.findUniqueOrThrow({ where: { id: existing.body.id } });
    expect(lead).toMatchObject({ sellerName: 'Agent Typed', sellerPhone: '(937) 555-0402', arv: 240_000, county: 'Montgomery', askingPrice: 90_000 });
    expect(JSON.parse(lead.tags)).toEqual(['DM', 'Driving For Dollars']);
    // The new lead is scored as it is written: its distress list names count.
    const created = await db.lead.findFirstOrThrow({ where: { importId: started.body.id, street: '3 Creek Rd' } });
    expect(created.scoredAt).not.toBeNull();
    expect(JSON.parse(created.scoreParts).map((part: { key: string }) => part.key)).toEqual(expect.arrayContaining(['source', 'tags']));
    await expect(db.lead.findFirst({ where: { importId: started.body.id, street: '19 Hidden Way' } })).resolves.toMatchObject({ city: 'Dayton', state: 'OH', zip: '45410' });
    // The refused row is reported at its row as a spreadsheet shows the file: the blank line counts, the quoted line break does not.
    const report = await fetch(`${api.url}/api/imports/${started.body.id}/errors.csv`, { headers: { cookie } });
    const reported = parse(await report.text(), { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(reported.map((row) => [row.row, row.reason])).toEqual([
      ['2', `duplicate of the lead at 410 West Third Street, Dayton (${existing.body.id}): filled its empty phone, e-mail, ZIP+4, county, APN, mailing address, beds, baths, sq ft, year built, ARV, estimated equity, LTV, phones, tags`],
      ['7', 'invalid zip "45402-12"'],
    ]);
  });

  it('onDuplicate update: a filled lead gets a lead.updated event (its history, every open page); a later row of the same file fills its earlier row', async () => {
    const { db } = api.testDb;
    const existing = await api.request('POST', '/api/leads', { cookie, body: { ...buildLeadInput({ street: '88 Fill Ln', zip: '45402', sellerName: 'Typed' }), sellerPhone: undefined, askingPrice: undefined } });
    expect(existing.status).toBe(201);
    const file = path.join(dir, 'update-events.csv');
    fs.writeFileSync(
      file,
      ['Address,City,State,Zip,Phone,Price', '88 Fill Lane,Dayton,OH,45402,937-555-0188,77000', '90 Twice Ave,Dayton,OH,45402,,', '12 Other St,Dayton,OH,45402,,', '90 Twice Avenue,Dayton,OH,45402,937-555-0190,81000'].join('\n'),
    );
    const done = await finished((await upload(file, { onDuplicate: 'update' })).body.id);
    expect(done).toMatchObject({ status: 'COMPLETED', total: 4, created: 2, duplicates: 2, errors: 0 });

    const filled = await db.lead.findUniqueOrThrow({ where: { id: existing.body.id } });
    expect(filled).toMatchObject({ sellerName: 'Typed', sellerPhone: '(937) 555-0188', askingPrice: 77_000 });
    const updated = await db.event.findMany({ where: { entityType: 'lead', entityId: existing.body.id, action: 'updated' } });
    expect(updated).toHaveLength(1);
    expect(updated[0]).toMatchObject({ actorId: supervisor.id });
    expect(JSON.parse(updated[0]!.payload)).toMatchObject({ sellerPhone: '(937) 555-0188', askingPrice: 77_000 });
    const history = await api.request('GET', `/api/history/lead/${existing.body.id}`, { cookie });
    expect(JSON.stringify(history.body)).toContain('updated');

    // The file's own duplicate: one lead, with what the later row had and the first did not.
    const twice = await db.lead.findMany({ where: { importId: done.id, street: { startsWith: '90 Twice' } } });
    expect(twice).toHaveLength(1);
    expect(twice[0]).toMatchObject({ street: '90 Twice Ave', sellerPhone: '(937) 555-0190', askingPrice: 81_000 });
  });

  it('a file that stops being CSV part-way fails with the reason and the line, and imports nothing', async () => {
    const { db } = api.testDb;
    const file = path.join(dir, 'unterminated.csv');
    const good = Array.from({ length: 15 }, (_, index) => `${index + 1} Quote St,Dayton,OH,45402`);
    fs.writeFileSync(file, ['Address,City,State,Zip', ...good, '99 Quote St,"Dayton,OH,45402', '100 Quote St,Dayton,OH,45402'].join('\n'));
    const done = await finished((await upload(file)).body.id);
    expect(done.status).toBe('FAILED');
    expect(done.failure).toMatch(/^The file cannot be read as CSV: .*line \d+/);
    expect(await db.lead.count({ where: { importId: done.id } })).toBe(0);
  });

  it('an explicit ownerId gives every imported lead that owner (the importer stays the one who made it); an unknown owner is refused', async () => {
    const { db } = api.testDb;
    const owner = await buildUser(db, { role: 'AGENT' });
    const file = writeGeneratedList(path.join(dir, 'owned.csv'), 5, { street: 'Owner Oval' });
    const started = await upload(file, { ownerId: owner.id });
    expect(started.status).toBe(202);
    const done = await finished(started.body.id);
    expect(done).toMatchObject({ status: 'COMPLETED', created: 5, ownerId: owner.id, createdById: supervisor.id });
    const leads = await db.lead.findMany({ where: { importId: started.body.id }, select: { ownerId: true } });
    expect(leads).toHaveLength(5);
    expect(leads.every((lead) => lead.ownerId === owner.id)).toBe(true);

    const refused = await upload(writeGeneratedList(path.join(dir, 'unowned.csv'), 2, { street: 'Nobody Nook' }), { ownerId: 'no-such-user' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.fields).toEqual({ ownerId: 'must name an active user' });
    expect(await db.lead.count({ where: { street: { contains: 'Nobody Nook' } } })).toBe(0);
  });

  it('without an address column and without a mapping the import is refused, and nothing is kept', async () => {
    const file = path.join(dir, 'nothing.csv');
    fs.writeFileSync(file, 'Owner,Phone\nPat,9375550101\n');
    const refused = await upload(file);
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toHaveProperty('street');
  });

  it('cancel stops after the current batch; what was imported stays and the counts add up', async () => {
    const { db } = api.testDb;
    const file = writeGeneratedList(path.join(dir, 'big.csv'), 12_000, { street: 'Cancel Ct' });
    const started = await upload(file);
    expect(started.status).toBe(202);
    const cancel = await api.request('POST', `/api/imports/${started.body.id}/cancel`, { cookie });
    expect(cancel.status).toBe(200);
    expect(cancel.body.cancelRequested).toBe(true);
    const done = await finished(started.body.id);
    expect(done.status).toBe('CANCELLED');
    expect(done.processed).toBeLessThan(12_000);
    expect(done.created + done.duplicates + done.errors).toBe(done.processed);
    // The rows it stopped before are counted, so the counts add up to the file's total.
    expect(done).toMatchObject({ total: 12_000, notImported: 12_000 - done.processed });
    expect(done.created + done.duplicates + done.errors + done.notImported).toBe(done.total);
    const listed = (await api.request('GET', '/api/imports', { cookie })).body.items.find((item: { id: string }) => item.id === started.body.id);
    expect(listed.notImported).toBe(done.notImported);
    const last = await db.event.findFirstOrThrow({ where: { entityType: 'import', entityId: started.body.id }, orderBy: { id: 'desc' } });
    expect(JSON.parse(last.payload)).toMatchObject({ status: 'CANCELLED', notImported: done.notImported });
    expect(await db.lead.count({ where: { importId: started.body.id } })).toBe(done.created);
    expect((await api.request('POST', `/api/imports/${started.body.id}/cancel`, { cookie })).status).toBe(409);
  });
});

describe('import.progress over SSE', () => {
  it('reaches the importer, every supervisor and admin, and no agent; the last one says COMPLETED; a supervisor made an agent stops getting them', async () => {
    const { db } = api.testDb;
    const otherSupervisor = await buildUser(db, { role: 'SUPERVISOR' });
    const admin = await buildUser(db, { role: 'ADMIN' });
    const agent = await buildUser(db, { role: 'AGENT' });
    const names = ['import.progress', 'lead.created'];
    const streams = {
      importer: openEventStream(`${api.url}/api/events`, cookie, {}, names),
      supervisor: openEventStream(`${api.url}/api/events`, await api.login(otherSupervisor.email), {}, names),
      admin: openEventStream(`${api.url}/api/events`, await api.login(admin.email), {}, names),
      agent: openEventStream(`${api.url}/api/events`, await api.login(agent.email), {}, names),
    };
    try {
      await Promise.all(Object.values(streams).map((stream) => stream.opened));
      const started = await upload(writeGeneratedList(path.join(dir, 'watched.csv'), 1_050, { street: 'Watched Way', badEvery: 100 }));
      expect(started.status).toBe(202);
      const id = started.body.id as string;
      const done = await finished(id);
      expect(done).toMatchObject({ status: 'COMPLETED', total: 1_050, created: 1_040, errors: 10 });

      const ofThis = (event: ReceivedEvent) => event.name === 'import.progress' && event.data.entityId === id;
      for (const who of ['importer', 'supervisor', 'admin'] as const) {
        const last = await streams[who].waitFor((event) => ofThis(event) && event.data.entity.status === 'COMPLETED', 60_000);
        expect(last.data.entity).toMatchObject({ processed: 1_050, created: 1_040, duplicates: 0, errors: 10 });
        // In order, the counts only grow.
        const processed = streams[who].received.filter(ofThis).map((event) => event.data.entity.processed as number);
        expect(processed).toEqual([...processed].sort((a, b) => a - b));
      }
      // A lead created afterwards reaches the agent: everything before it has been streamed, and none of it was the import's.
      const lead = await api.request('POST', '/api/leads', { cookie, body: buildLeadInput({ street: '1 After Import Ave' }) });
      await streams.agent.waitFor((event) => event.name === 'lead.created' && event.data.entityId === lead.body.id, 60_000);
      expect(streams.agent.received.filter((event) => event.name === 'import.progress')).toEqual([]);
      // A supervisor made an agent stops getting other people's imports at once, on the stream already open.
      const adminCookie = await api.login(admin.email);
      expect((await api.request('PATCH', `/api/users/${otherSupervisor.id}`, { cookie: adminCookie, body: { role: 'AGENT' } })).status).toBe(200);
      const demotedBefore = streams.supervisor.received.length;
      const next = await upload(writeGeneratedList(path.join(dir, 'after-demotion.csv'), 10, { street: 'Demoted Dr' }));
      await finished(next.body.id);
      await streams.admin.waitFor((event) => event.name === 'import.progress' && event.data.entityId === next.body.id && event.data.entity.status === 'COMPLETED', 60_000);
      const marker = await api.request('POST', '/api/leads', { cookie, body: buildLeadInput({ street: '2 After Demotion Ave' }) });
      await streams.supervisor.waitFor((event) => event.name === 'lead.created' && event.data.entityId === marker.body.id, 60_000);
      expect(streams.supervisor.received.slice(demotedBefore).filter((event) => event.name === 'import.progress')).toEqual([]);
      // The same stream throughout: the role changed under it, not through a reconnect.
      expect(streams.supervisor.errors).toEqual([]);
      // Nor does the activity feed list the ticks.
      const feed = await api.request('GET', '/api/events/recent?limit=50', { cookie });
      expect(feed.body.items.filter((event: { entityType: string }) => event.entityType === 'import')).toEqual([]);
    } finally {
      for (const stream of Object.values(streams)) stream.close();
    }
  }, 360_000);
});
