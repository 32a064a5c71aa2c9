/**
 * `npm run seed:volume -- --leads 100000 --buyers 20000 --tasks 300000 [--data-dir DIR | --db FILE | --database-url postgresql://…] [--seed 42]`
 *
 * Fills a fresh database with realistic, deterministic data for benchmarks: a team, leads over
 * two years spread across the pipeline with deals for the closed ones, buyers with buy boxes,
 * our purchase offers and buyers' offers on contracted leads, tasks of every kind and the leads'
 * history. Straight SQL in large transactions, no workflows: the rows carry `workflowStartedAt`,
 * so the worker's reconciler does not start a workflow for each. With `--database-url` the same rows
 * (same ids, same demo logins) go to that PostgreSQL database, which must exist and be empty; it is
 * migrated first and ANALYZEd at the end.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Faker, en } from '@faker-js/faker';
import { z } from 'zod';
import { DEFAULT_DEADLINES } from '../domain/config/deadlines';
import { scoreLead } from '../domain/leads/lead-score';
import { hashPassword } from '../db/passwords';
import { buyerMarketRows } from '../db/writes/buyer-markets';
import { buyerKeyData, leadKeyData } from '../db/writes/contact-keys';
import { DEMO_PASSWORD, DEMO_USERS } from '../prisma/seed';
import { migrateDatabase } from './lib/stack';
import { buyerRow, iso, leadRow, taskRow, type TeamMember } from './volume/generate';
import { openPostgresSink, openSqliteSink, type VolumeSink } from './volume/insert';

const ROOT_DIR = path.resolve(__dirname, '..');
const DAY = 86_400_000;

const options = z
  .object({
    leads: z.coerce.number().int().min(0).max(2_000_000).default(100_000),
    buyers: z.coerce.number().int().min(0).max(500_000).default(20_000),
    tasks: z.coerce.number().int().min(0).max(5_000_000).default(300_000),
    seed: z.coerce.number().int().default(42),
    'data-dir': z.string().min(1).optional(),
    db: z.string().min(1).optional(),
    'database-url': z.string().regex(/^postgres(ql)?:\/\//, 'a postgresql:// URL').optional(),
  })
  .parse(
    parseArgs({
      options: { leads: { type: 'string' }, buyers: { type: 'string' }, tasks: { type: 'string' }, seed: { type: 'string' }, 'data-dir': { type: 'string' }, db: { type: 'string' }, 'database-url': { type: 'string' } },
    }).values,
  );

const databaseUrl = options['database-url'];
const file = options.db ?? path.join(options['data-dir'] ?? path.join(ROOT_DIR, 'data', 'volume'), 'flipstackk.db');
const target = databaseUrl ? databaseUrl.replace(/:[^:@/]+@/, ':…@') : file;

/** The database migrated and opened for writing; refused unless it is new (SQLite) or empty (PostgreSQL). */
async function openSink(): Promise<VolumeSink> {
  if (databaseUrl) {
    const sink = await openPostgresSink(databaseUrl);
    if (await sink.hasRows('User')) {
      await sink.close();
      throw new Error(`${target} has users: seed:volume fills an empty database`);
    }
    migrateDatabase(ROOT_DIR, databaseUrl);
    return sink;
  }
  if (fs.existsSync(file)) throw new Error(`${file} exists: seed:volume fills a new database (remove it first)`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  migrateDatabase(ROOT_DIR, file);
  return openSqliteSink(file);
}

async function main(): Promise<void> {
  const started = Date.now();
  const db = await openSink();
  const faker = new Faker({ locale: [en] });
  faker.seed(options.seed);
  // Fixed "now", so the same seed gives the same rows whenever it runs (dates relative to a day boundary).
  const now = Math.floor(Date.now() / DAY) * DAY;
  const twoYears = 730 * DAY;
  const createdIn = (index: number, count: number) => now - twoYears + Math.floor(((index + faker.number.float()) / Math.max(count, 1)) * twoYears);

  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const team: Array<TeamMember & { email: string; name: string }> = [
    ...DEMO_USERS.map((user, index) => ({ id: `vuser-demo-${index}`, ...user })),
    ...Array.from({ length: 30 }, (_, index) => {
      const role = index < 20 ? 'AGENT' : index < 26 ? 'ACQUISITIONS' : index < 29 ? 'SUPERVISOR' : 'ADMIN';
      const name = faker.person.fullName();
      return { id: `vuser${index}`, role, name, email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${index}@flipstackk.test` };
    }),
  ];
  const agents = team.filter((user) => user.role === 'AGENT');
  const leadIds: string[] = [];
  const buyerIds: string[] = [];
  // Leads a buyer has bid on (under contract or closed): they get BUYER offers once buyers exist.
  const contracted: Array<{ id: string; askingPrice: number; ownerId: string; createdAt: string; closed: boolean }> = [];
  const counts: Record<string, number> = {};
  const count = (table: string) => (counts[table] = (counts[table] ?? 0) + 1);

  const addUser = db.inserter('User', ['id', 'email', 'name', 'role', 'passwordHash', 'active', 'createdAt', 'updatedAt']);
  const addLead = db.inserter('Lead', [
    'id', 'sellerName', 'sellerPhone', 'sellerEmail', 'street', 'city', 'state', 'zip', 'propertyType', 'beds', 'baths', 'sqft', 'yearBuilt', 'askingPrice', 'arv',
    'repairEstimate', 'source', 'motivation', 'status', 'deadReason', 'contactedAt', 'ownerId', 'tags', 'addressKey', 'workflowStartedAt', 'createdAt', 'updatedAt',
    'score', 'scoreParts', 'scoredAt',
  ]);
  const addDeal = db.inserter('Deal', ['id', 'leadId', 'purchasePrice', 'salePrice', 'assignmentFee', 'closedAt', 'createdAt', 'updatedAt']);
  const addEvent = db.inserter('Event', ['createdAt', 'actorId', 'entityType', 'entityId', 'action', 'payload']);
  const addBuyer = db.inserter('Buyer', ['id', 'name', 'company', 'email', 'phone', 'status', 'cashBuyer', 'proofOfFundsAmount', 'markets', 'propertyTypes', 'minPrice', 'maxPrice', 'contactKey', 'workflowStartedAt', 'createdAt', 'updatedAt']);
  const addMarket = db.inserter('BuyerMarket', ['buyerId', 'market', 'propertyType']);
  const addOffer = db.inserter('Offer', ['id', 'leadId', 'buyerId', 'kind', 'amount', 'status', 'createdById', 'workflowStartedAt', 'createdAt', 'updatedAt']);
  const addTask = db.inserter('Task', ['id', 'title', 'type', 'priority', 'status', 'requiresReview', 'dueAt', 'overdue', 'assigneeId', 'leadId', 'buyerId', 'completedAt', 'workflowStartedAt', 'createdAt', 'updatedAt']);

  await db.transaction(async () => {
    for (const user of team) {
      addUser({ ...user, passwordHash, active: 1, createdAt: iso(now - twoYears), updatedAt: iso(now - twoYears) });
      count('User');
    }
  });

  const scoredAt = new Date(now);
  await db.transaction(async () => {
    for (let index = 0; index < options.leads; index += 1) {
      if (index % 1_000 === 0) await db.drain();
      const { lead, deal } = leadRow(faker, index, createdIn(index, options.leads), now, agents);
      // Scored as it is written, like every lead write: otherwise the first hourly rescore of every run re-scores them all.
      const { score, parts } = scoreLead({ ...lead, tags: [], createdAt: new Date(lead.createdAt), contactedAt: lead.contactedAt === null ? null : new Date(lead.contactedAt) }, scoredAt, DEFAULT_DEADLINES.contactMs);
      addLead({ ...lead, ...leadKeyData(lead), tags: '[]', workflowStartedAt: lead.createdAt, updatedAt: lead.createdAt, score, scoreParts: JSON.stringify(parts), scoredAt: iso(scoredAt.getTime()) });
      addEvent({ createdAt: lead.createdAt, actorId: lead.ownerId, entityType: 'lead', entityId: lead.id, action: 'created', payload: JSON.stringify(lead) });
      leadIds.push(lead.id);
      count('Lead');
      if (deal) {
        addDeal({ ...deal, updatedAt: deal.createdAt });
        count('Deal');
      }
      if (lead.status === 'OFFER_MADE' || lead.status === 'UNDER_CONTRACT' || lead.status === 'CLOSED') {
        const accepted = lead.status !== 'OFFER_MADE';
        addOffer({
          id: `voffer${index.toString(36)}`, leadId: lead.id, buyerId: null, kind: 'PURCHASE', amount: Math.round((lead.askingPrice * 0.85) / 500) * 500,
          status: accepted ? 'ACCEPTED' : faker.helpers.arrayElement(['SENT', 'COUNTERED', 'REJECTED']), createdById: lead.ownerId,
          workflowStartedAt: lead.createdAt, createdAt: lead.createdAt, updatedAt: lead.createdAt,
        });
        count('Offer');
        if (accepted) contracted.push({ id: lead.id, askingPrice: lead.askingPrice, ownerId: lead.ownerId, createdAt: lead.createdAt, closed: lead.status === 'CLOSED' });
      }
    }
  });

  await db.transaction(async () => {
    for (let index = 0; index < options.buyers; index += 1) {
      if (index % 1_000 === 0) await db.drain();
      const buyer = buyerRow(faker, index, createdIn(index, options.buyers));
      addBuyer({ ...buyer, ...buyerKeyData(buyer), markets: JSON.stringify(buyer.markets), propertyTypes: JSON.stringify(buyer.propertyTypes), workflowStartedAt: buyer.createdAt, updatedAt: buyer.createdAt });
      for (const row of buyerMarketRows(buyer.id, buyer.markets, buyer.propertyTypes)) addMarket(row);
      buyerIds.push(buyer.id);
      count('Buyer');
    }
    for (const [index, lead] of contracted.entries()) {
      if (index % 1_000 === 0) await db.drain();
      addOffer({
        id: `vboffer${index.toString(36)}`, leadId: lead.id, buyerId: faker.helpers.arrayElement(buyerIds), kind: 'BUYER', amount: Math.round((lead.askingPrice * 0.95) / 500) * 500,
        status: lead.closed ? 'ACCEPTED' : faker.helpers.arrayElement(['SENT', 'COUNTERED', 'ACCEPTED', 'REJECTED']), createdById: lead.ownerId,
        workflowStartedAt: lead.createdAt, createdAt: lead.createdAt, updatedAt: lead.createdAt,
      });
      count('Offer');
    }
  });

  await db.transaction(async () => {
    for (let index = 0; index < options.tasks; index += 1) {
      if (index % 1_000 === 0) await db.drain();
      const onLead = leadIds.length > 0 && faker.datatype.boolean(0.7);
      const onBuyer = !onLead && buyerIds.length > 0 && faker.datatype.boolean(0.6);
      const task = taskRow(faker, index, createdIn(index, options.tasks), now, team, onLead ? faker.helpers.arrayElement(leadIds) : null, onBuyer ? faker.helpers.arrayElement(buyerIds) : null);
      addTask({ ...task, workflowStartedAt: task.createdAt, updatedAt: task.completedAt ?? task.createdAt });
      count('Task');
    }
  });

  // No ANALYZE on SQLite: the app never runs it, so a grown database has no statistics, and the
  // query plans the benchmark measures must be the ones tests/integration/query-plans.test.ts
  // checks. PostgreSQL's autovacuum would analyze these tables soon anyway: its sink does at once.
  await db.close();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`seed:volume: ${target} in ${seconds} s — ${Object.entries(counts).map(([table, n]) => `${n.toLocaleString('en-US')} ${table}`).join(', ')}`);
  console.log(`Demo logins work on it: ${DEMO_USERS.map((user) => user.email).join(', ')} (password ${DEMO_PASSWORD}).`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
