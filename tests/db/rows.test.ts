import { withMao, DEFAULT_DEAL_MATH_SETTINGS } from '../../domain/deals/deal-math';
import { BUYER_KEYS, buyerSchema } from '../../domain/buyers/buyer.schema';
import { dealRecordSchema } from '../../domain/deals/deal.schema';
import { LEAD_KEYS, leadSchema } from '../../domain/leads/lead.schema';
import { offerSchema } from '../../domain/offers/offer.schema';
import { taskSchema } from '../../domain/tasks/task.schema';
import { projectFields } from '../../api/paginate';
import { buyerColumnsOf, leadColumnsOf, leanBuyerJson, leanLeadJson, leanTaskJson, taskColumnsOf, toBuyerJson, toDealJson, toLeadJson, toNotificationJson, toOfferJson, toTaskJson } from '../../db/rows';
import { readRows } from '../../db/read-rows';
import { sqlName } from '../../db/queries/sql';
import { Prisma } from '../../prisma/generated/client';
import { buildLead, buildUser } from '../support/factories';
import { createTestDb, type TestDb } from '../support/test-db';

jest.setTimeout(180_000);

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(() => testDb?.close());

describe('row mappers', () => {
  it('reads a lead row as the domain lead, without a MAO until a reader adds it', async () => {
    const owner = await buildUser(testDb.db);
    const row = await testDb.db.lead.update({ where: { id: (await buildLead(testDb.db, owner.id)).id }, data: { tags: '["vacant","probate"]', arv: 200_000, repairEstimate: 30_000 } });
    const json = toLeadJson(row);
    expect(json).not.toHaveProperty('mao');
    expect(json).toMatchObject({ status: 'NEW', propertyType: 'SFR', source: 'DIRECT_MAIL', tags: ['vacant', 'probate'] });
    expect(leadSchema.parse(withMao(json, DEFAULT_DEAL_MATH_SETTINGS)).mao).toBe(200_000 * 0.7 - 30_000 - 10_000);
  });

  it('reads task, buyer and offer rows as their domain schemas', async () => {
    const owner = await buildUser(testDb.db);
    const lead = await buildLead(testDb.db, owner.id);
    const task = await testDb.db.task.create({ data: { title: 'Call', type: 'FOLLOW_UP', priority: 'HIGH', status: 'ASSIGNED', dueAt: new Date(), assigneeId: owner.id } });
    const buyer = await testDb.db.buyer.create({ data: { name: 'Gem City', status: 'ACTIVE', markets: '["Dayton"]', propertyTypes: '["SFR","CONDO"]', strategies: '["FLIP"]' } });
    const offer = await testDb.db.offer.create({ data: { leadId: lead.id, buyerId: buyer.id, kind: 'BUYER', amount: 80_000, status: 'SENT', createdById: owner.id } });
    expect(taskSchema.parse(toTaskJson(task))).toMatchObject({ type: 'FOLLOW_UP', priority: 'HIGH', status: 'ASSIGNED' });
    expect(buyerSchema.parse(toBuyerJson(buyer))).toMatchObject({ status: 'ACTIVE', markets: ['Dayton'], propertyTypes: ['SFR', 'CONDO'], strategies: ['FLIP'] });
    expect(offerSchema.parse(toOfferJson(offer))).toMatchObject({ kind: 'BUYER', status: 'SENT' });
  });

  it('reads a deal row as its events carry it, dates as ISO strings', async () => {
    const owner = await buildUser(testDb.db);
    const lead = await buildLead(testDb.db, owner.id);
    const closedAt = new Date('2026-11-20T10:00:00.000Z');
    const deal = await testDb.db.deal.create({ data: { leadId: lead.id, purchasePrice: 100_000, salePrice: 115_000, assignmentFee: 15_000, closedAt } });
    expect(dealRecordSchema.strict().parse(toDealJson(deal))).toEqual({
      id: deal.id,
      leadId: lead.id,
      buyerId: null,
      purchasePrice: 100_000,
      salePrice: 115_000,
      assignmentFee: 15_000,
      closedAt: closedAt.toISOString(),
      createdAt: deal.createdAt.toISOString(),
      updatedAt: deal.updatedAt.toISOString(),
    });
  });

  it("reads a notification's stored priority, and names one the domain does not know", async () => {
    const recipient = await buildUser(testDb.db);
    const notify = (priority: string) => testDb.db.notification.create({ data: { recipientId: recipient.id, kind: 'NEW_LEAD', priority, title: 't', body: 'b' } });
    expect(toNotificationJson(await notify('HIGH')).priority).toBe('HIGH');
    const unknown = await notify('URGENT');
    expect(() => toNotificationJson(unknown)).toThrow(/Notification\.priority "URGENT"/);
  });

  it.each([
    ['status', { status: 'ON_HOLD' }, /Lead\.status "ON_HOLD"/],
    ['propertyType', { propertyType: 'CASTLE' }, /Lead\.propertyType "CASTLE"/],
    ['tags', { tags: '[1, 2]' }, /Lead\.tags/],
  ])('names a stored lead %s the domain does not know instead of passing it on', async (_column, data, message) => {
    const owner = await buildUser(testDb.db);
    const row = await testDb.db.lead.update({ where: { id: (await buildLead(testDb.db, owner.id)).id }, data });
    expect(() => toLeadJson(row)).toThrow(message);
  });

  it("names a buyer's stored property type the domain does not know", async () => {
    const buyer = await testDb.db.buyer.create({ data: { name: 'Odd', propertyTypes: '["CASTLE"]' } });
    expect(() => toBuyerJson(buyer)).toThrow(/Buyer\.propertyTypes/);
  });

  it('reads a lean lead or buyer (fields=) from the row as the whole record projected, each key alone and all together', async () => {
    const owner = await buildUser(testDb.db);
    const plain = await buildLead(testDb.db, owner.id);
    const survivor = await buildLead(testDb.db, owner.id);
    // Every optional key present: merged, archived, with a list's details; and none of them.
    const full = await testDb.db.lead.update({
      where: { id: (await buildLead(testDb.db, owner.id)).id },
      data: { tags: '["vacant"]', mergedIntoId: survivor.id, archivedAt: new Date(), contactedAt: new Date(), phones: '[{"number":"+19375550100","type":"mobile","dnc":false}]', county: 'Montgomery', apn: 'R72-1', mailingAddress: '9 Elm St, Dayton, OH', zipPlus4: '45402-1234', estimatedEquity: 52_000, ltv: 38.5 },
    });
    const buyerWithAll = await testDb.db.buyer.create({ data: { name: 'Gem City', markets: '["Dayton"]', propertyTypes: '["SFR"]', strategies: '["FLIP"]', pofVerifiedAt: new Date(), archivedAt: new Date(), mergedIntoId: (await testDb.db.buyer.create({ data: { name: 'Kept' } })).id } });
    const buyerWithNone = await testDb.db.buyer.create({ data: { name: 'Plain' } });
    for (const row of [plain, full]) {
      for (const fields of [...LEAD_KEYS.map((key) => [key]), [...LEAD_KEYS], ['status', 'sellerName', 'no-such-key', 'county', 'phones']]) {
        expect(leanLeadJson(row, fields)).toEqual(projectFields(toLeadJson(row), fields));
      }
    }
    // A row read with only the columns of its fields builds the same lean record.
    const readOnly = async (table: 'Lead' | 'Buyer', id: string, columns: string[]) => (await readRows<{ id: string }>(testDb.db, Prisma.sql`SELECT ${Prisma.join(columns.map(sqlName))} FROM ${sqlName(table)} WHERE "id" = ${id}`))[0]!;
    for (const fields of [...LEAD_KEYS.map((key) => [key]), [...LEAD_KEYS]]) {
      expect(leanLeadJson(await readOnly('Lead', full.id, leadColumnsOf(fields)), fields)).toEqual(projectFields(toLeadJson(full), fields));
    }
    for (const fields of [...BUYER_KEYS.map((key) => [key]), [...BUYER_KEYS]]) {
      expect(leanBuyerJson(await readOnly('Buyer', buyerWithAll.id, buyerColumnsOf(fields)), fields)).toEqual(projectFields(toBuyerJson(buyerWithAll), fields));
    }
    expect(leanLeadJson(full, ['archivedAt', 'mergedIntoId', 'listDetails'])).toMatchObject({ mergedIntoId: survivor.id, listDetails: { county: 'Montgomery', apn: 'R72-1' } });
    expect(Object.keys(leanLeadJson(plain, ['archivedAt', 'mergedIntoId', 'listDetails', 'sellerPhone']))).toEqual(['id', 'sellerPhone']);
    for (const row of [buyerWithAll, buyerWithNone]) {
      for (const fields of [...BUYER_KEYS.map((key) => [key]), [...BUYER_KEYS], ['name', 'no-such-key']]) {
        expect(leanBuyerJson(row, fields)).toEqual(projectFields(toBuyerJson(row), fields));
      }
    }
  });

  it('reads a lean task (fields=) from the row, whole or of only its columns, as the whole task projected', async () => {
    const owner = await buildUser(testDb.db);
    const bare = await testDb.db.task.create({ data: { title: 'Bare', type: 'ADMIN', priority: 'LOW', dueAt: new Date() } });
    const done = await testDb.db.task.create({ data: { title: 'Done', description: 'With notes', type: 'FOLLOW_UP', priority: 'HIGH', status: 'COMPLETED', dueAt: new Date(), completedAt: new Date(), assigneeId: owner.id, requiresReview: true, reviewedById: owner.id } });
    const taskKeys = Object.keys(taskSchema.shape);
    for (const row of [bare, done]) {
      for (const fields of [...taskKeys.map((key) => [key]), taskKeys, ['title', 'no-such-key', 'subject']]) {
        expect(leanTaskJson(row, fields)).toEqual(projectFields(toTaskJson(row), fields));
        const [read] = await readRows<{ id: string }>(testDb.db, Prisma.sql`SELECT ${Prisma.join(taskColumnsOf(fields).map(sqlName))} FROM "Task" WHERE "id" = ${row.id}`);
        expect(leanTaskJson(read!, fields)).toEqual(projectFields(toTaskJson(row), fields));
      }
    }
  });
});
