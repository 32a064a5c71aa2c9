import { withMao, DEFAULT_DEAL_MATH_SETTINGS } from '../../domain/deals/deal-math';
import { buyerSchema } from '../../domain/buyers/buyer.schema';
import { dealRecordSchema } from '../../domain/deals/deal.schema';
import { leadSchema } from '../../domain/leads/lead.schema';
import { offerSchema } from '../../domain/offers/offer.schema';
import { taskSchema } from '../../domain/tasks/task.schema';
import { toBuyerJson, toDealJson, toLeadJson, toNotificationJson, toOfferJson, toTaskJson } from '../../db/rows';
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
});
