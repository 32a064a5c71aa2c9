import { AppError } from '../../../api/errors';
import { listLeads } from '../../../api/leads/list-leads';
import { DEFAULT_DEAL_MATH_SETTINGS } from '../../../domain/deals/deal-math';
import { listLeadsQuerySchema, type Lead } from '../../../domain/leads/lead.schema';
import { listOffersQuerySchema } from '../../../domain/offers/offer.schema';
import { listTasksQuerySchema, TASK_PRIORITIES, type Task } from '../../../domain/tasks/task.schema';
import type { PublicUser } from '../../../domain/users/user-role';
import { readDealPage } from '../../../db/queries/deal-list';
import { readLeadPage } from '../../../db/queries/lead-list';
import { readOfferPage } from '../../../db/queries/offer-list';
import { readTaskPage } from '../../../db/queries/task-list';
import { toTaskJson } from '../../../db/rows';
import { buildLead, buildUser } from '../../support/factories';
import { createTestDb, type TestDb } from '../../support/test-db';

jest.setTimeout(180_000);

let testDb: TestDb;
let owner: PublicUser;
let other: PublicUser;
const T0 = Date.parse('2026-06-01T12:00:00.000Z');

beforeAll(async () => {
  testDb = await createTestDb();
  const db = testDb.db;
  const [a, b] = [await buildUser(db), await buildUser(db)];
  owner = { id: a.id, email: a.email, name: a.name, role: 'AGENT' };
  other = { id: b.id, email: b.email, name: b.name, role: 'AGENT' };
  // Ties on purpose: three leads share each creation time and each price, and every fifth has no price.
  for (let i = 0; i < 23; i += 1) {
    await buildLead(db, i % 2 ? a.id : b.id, {
      sellerName: `Seller ${String.fromCharCode(65 + (i % 7))}`,
      city: i % 3 ? 'Dayton' : 'Akron',
      askingPrice: i % 5 === 0 ? undefined : 50_000 + (i % 4) * 10_000,
      createdAt: new Date(T0 + Math.floor(i / 3) * 60_000),
    });
  }
  const statuses = ['ASSIGNED', 'IN_PROGRESS', 'COMPLETED', 'PENDING_REVIEW', 'CANCELLED'];
  for (let i = 0; i < 31; i += 1) {
    await db.task.create({
      data: {
        title: `Task ${i}`,
        type: 'FOLLOW_UP',
        priority: TASK_PRIORITIES[i % 3]!,
        status: statuses[i % statuses.length]!,
        dueAt: new Date(T0 + (i % 6) * 3_600_000),
        assigneeId: i % 4 ? a.id : b.id,
        createdAt: new Date(T0 - (i % 5) * 60_000),
      },
    });
  }
  // Offers and deals share creation times in threes too; some offers are archived, some deals open.
  const leads = await db.lead.findMany({ orderBy: { id: 'asc' } });
  const buyer = await db.buyer.create({ data: { name: 'Listed Buyer' } });
  for (let i = 0; i < 17; i += 1) {
    await db.offer.create({
      data: {
        leadId: leads[i % leads.length]!.id,
        buyerId: i % 2 ? buyer.id : null,
        kind: i % 2 ? 'BUYER' : 'PURCHASE',
        amount: 90_000 + i * 1_000,
        status: ['DRAFT', 'SENT', 'ACCEPTED'][i % 3]!,
        createdById: a.id,
        archivedAt: i % 6 === 5 ? new Date() : null,
        createdAt: new Date(T0 + Math.floor(i / 3) * 60_000),
      },
    });
  }
  for (let i = 0; i < 13; i += 1) {
    await db.deal.create({
      data: { leadId: leads[i]!.id, buyerId: i % 3 ? buyer.id : null, purchasePrice: 80_000, closedAt: i % 4 ? new Date(T0) : null, createdAt: new Date(T0 + Math.floor(i / 3) * 60_000) },
    });
  }
});
afterAll(() => testDb?.close());

/** Every row of a list, page by page, following `nextCursor`. */
async function everyPage<Row>(limit: number, page: (cursor: string | undefined) => Promise<{ rows: Row[]; nextCursor: string | null } | null>): Promise<Row[]> {
  const items: Row[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 100; pages += 1) {
    const result = await page(cursor);
    if (result === null) throw new Error(`cursor ${cursor} was refused`);
    expect(result.rows.length).toBeLessThanOrEqual(limit);
    items.push(...result.rows);
    if (!result.nextCursor) return items;
    cursor = result.nextCursor;
  }
  throw new Error('the list never ended');
}

/** SQLite's order: NULL before any value ascending, after every value descending; ties by id the same way. */
function compareBy<Item extends { id: string }>(key: (item: Item) => string | number | null, direction: 1 | -1) {
  return (x: Item, y: Item): number => {
    const [a, b] = [key(x), key(y)];
    if (a !== b) {
      if (a === null) return -direction;
      if (b === null) return direction;
      return (a < b ? -1 : 1) * direction;
    }
    return (x.id < y.id ? -1 : 1) * direction;
  };
}

const LEAD_SORTS: Array<[string, (lead: Lead) => string | number | null]> = [
  ['createdAt', (lead) => lead.createdAt],
  ['askingPrice', (lead) => lead.askingPrice],
  ['sellerName', (lead) => lead.sellerName],
  ['city', (lead) => lead.city],
];

describe('lead list pages', () => {
  const allLeads = async () => (await testDb.db.lead.findMany()).map((row) => ({ id: row.id, city: row.city, askingPrice: row.askingPrice, createdAt: row.createdAt.toISOString(), sellerName: row.sellerName }));

  it.each(LEAD_SORTS.flatMap(([field, key]) => [[field, key, 1] as const, [`-${field}`, key, -1] as const]))('sorted by %s: every lead once, in order, across pages of 4', async (sort, key, direction) => {
    const listed = await everyPage(4, (cursor) => readLeadPage(testDb.db, listLeadsQuerySchema.parse({ sort, limit: '4', cursor })));
    const expected = (await allLeads()).sort(compareBy((lead) => key(lead as unknown as Lead), direction));
    expect(listed.map((lead) => lead.id)).toEqual(expected.map((lead) => lead.id));
  });

  it('keeps the filters on every page', async () => {
    const listed = await everyPage(3, (cursor) => readLeadPage(testDb.db, listLeadsQuerySchema.parse({ city: 'Dayton', ownerId: owner.id, sort: '-askingPrice', limit: '3', cursor })));
    const rows = await testDb.db.lead.findMany({ where: { city: 'Dayton', ownerId: owner.id } });
    const expected = rows.map((row) => ({ id: row.id, askingPrice: row.askingPrice })).sort(compareBy((lead) => lead.askingPrice, -1));
    expect(listed.map((lead) => lead.id)).toEqual(expected.map((lead) => lead.id));
  });

  it('finds no page after a cursor that is no lead', async () => {
    expect(await readLeadPage(testDb.db, listLeadsQuerySchema.parse({ cursor: 'no-such-lead' }))).toBeNull();
  });

  it('the lead list refuses a cursor that is no lead with a 400 naming it', async () => {
    const page = listLeads(testDb.db, listLeadsQuerySchema.parse({ cursor: 'no-such-lead' }), DEFAULT_DEAL_MATH_SETTINGS);
    await expect(page).rejects.toBeInstanceOf(AppError);
    await expect(page).rejects.toMatchObject({ code: 'VALIDATION_FAILED', fields: { cursor: 'is not one this list gave' } });
  });
});

describe('task list pages', () => {
  const rank = (task: Task) => TASK_PRIORITIES.indexOf(task.priority);
  const byPriority = (direction: 1 | -1) => (x: Task, y: Task) => (rank(x) - rank(y)) * direction || compareBy<Task>((t) => t.dueAt, 1)(x, y);
  const isOpen = (task: Task) => !['COMPLETED', 'CANCELLED'].includes(task.status);
  const CASES: Array<[string, Record<string, string>, 'owner' | 'other', (x: Task, y: Task) => number, (task: Task) => boolean]> = [
    ['my tasks by priority', { view: 'mine', sort: 'priority' }, 'owner', byPriority(1), (task) => task.assigneeId === owner.id],
    ['my tasks by priority, lowest first', { view: 'mine', sort: '-priority' }, 'owner', byPriority(-1), (task) => task.assigneeId === owner.id],
    ["the team's open tasks by due date", { view: 'team', status: 'CREATED,ASSIGNED,IN_PROGRESS,PENDING_REVIEW' }, 'other', compareBy<Task>((t) => t.dueAt, 1), isOpen],
    ["the team's open tasks by priority", { view: 'team', status: 'ASSIGNED,IN_PROGRESS,PENDING_REVIEW', sort: 'priority' }, 'other', byPriority(1), (task) => ['ASSIGNED', 'IN_PROGRESS', 'PENDING_REVIEW'].includes(task.status)],
    ['my open tasks, newest first', { view: 'mine', status: 'ASSIGNED,IN_PROGRESS', sort: '-createdAt' }, 'owner', compareBy<Task>((t) => t.createdAt, -1), (task) => task.assigneeId === owner.id && ['ASSIGNED', 'IN_PROGRESS'].includes(task.status)],
    ['everything, latest due first', { view: 'team', sort: '-dueAt' }, 'owner', compareBy<Task>((t) => t.dueAt, -1), () => true],
  ];

  it.each(CASES)('%s: every task once, in order, across pages of 4', async (_name, query, who, order, keep) => {
    const user = who === 'owner' ? owner : other;
    const listed = await everyPage(4, (cursor) => readTaskPage(testDb.db, listTasksQuerySchema.parse({ ...query, limit: '4', cursor }), user.id, { now: new Date(), dayStart: new Date() }));
    const expected = (await testDb.db.task.findMany()).map(toTaskJson).filter(keep).sort(order);
    expect(expected.length).toBeGreaterThan(4);
    expect(listed.map((task) => task.id)).toEqual(expected.map((task) => task.id));
  });
});

describe('offer and deal list pages', () => {
  const newestFirst = compareBy<{ id: string; createdAt: string }>((row) => row.createdAt, -1);
  const plain = (rows: Array<{ id: string; createdAt: Date }>) => rows.map((row) => ({ id: row.id, createdAt: row.createdAt.toISOString() }));

  it.each([
    ['every live offer', {}, () => true],
    ['sent offers', { status: 'SENT' }, (offer: { status: string }) => offer.status === 'SENT'],
  ] as const)('%s, newest first: every one once, in order, across pages of 4, with the buyer name', async (_name, filter, keep) => {
    const listed = await everyPage(4, (cursor) => readOfferPage(testDb.db, listOffersQuerySchema.parse({ ...filter, limit: '4', cursor })));
    const rows = (await testDb.db.offer.findMany({ where: { archivedAt: null }, include: { buyer: true } })).filter(keep);
    expect(rows.length).toBeGreaterThan(4);
    expect(listed.map((offer) => offer.id)).toEqual(plain(rows).sort(newestFirst).map((offer) => offer.id));
    expect(listed.map((offer) => offer.buyerName)).toEqual(expect.arrayContaining(['Listed Buyer', null]));
  });

  it.each([
    ['every deal', undefined],
    ['open deals', false],
    ['closed deals', true],
  ] as const)('%s, newest first: every one once, in order, across pages of 3, with the lead', async (_name, closed) => {
    const listed = await everyPage(3, (cursor) => readDealPage(testDb.db, { closed, limit: 3, cursor }));
    const rows = (await testDb.db.deal.findMany()).filter((deal) => closed === undefined || (deal.closedAt !== null) === closed);
    expect(rows.length).toBeGreaterThan(3);
    expect(listed.map((deal) => deal.id)).toEqual(plain(rows).sort(newestFirst).map((deal) => deal.id));
    expect(listed.every((deal) => deal.lead.street.length > 0)).toBe(true);
  });

  it('finds no page after a cursor that is no offer or deal', async () => {
    expect(await readOfferPage(testDb.db, listOffersQuerySchema.parse({ cursor: 'no-such-offer' }))).toBeNull();
    expect(await readDealPage(testDb.db, { limit: 10, cursor: 'no-such-deal' })).toBeNull();
  });
});
