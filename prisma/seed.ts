import { hashPassword } from '../db/passwords';
import type { UserRole } from '../domain/users/user-role';
import { openDb, type Db } from '../db/client';
import { replaceBuyerMarkets } from '../db/writes/buyer-markets';
import { buyerKeyData, leadKeyData } from '../db/writes/contact-keys';
import { recordEvent } from '../db/writes/record-event';
import { toBuyerJson, toLeadJson } from '../db/rows';
import { saveLeadScore } from '../db/writes/lead-score';
import type { User } from './generated/client';
import { seedDemoStory } from './seed-story';

export const DEMO_PASSWORD = 'flipstackk';

export const DEMO_USERS: ReadonlyArray<{ email: string; name: string; role: UserRole }> = [
  { email: 'agent@flipstackk.test', name: 'Avery Agent', role: 'AGENT' },
  { email: 'acquisitions@flipstackk.test', name: 'Quinn Acquisitions', role: 'ACQUISITIONS' },
  { email: 'supervisor@flipstackk.test', name: 'Sam Supervisor', role: 'SUPERVISOR' },
  { email: 'admin@flipstackk.test', name: 'Alex Admin', role: 'ADMIN' },
];

const DEMO_LEADS = [
  { sellerName: 'Maria Lopez', sellerPhone: '(937) 555-0142', street: '118 Oak St', city: 'Dayton', state: 'OH', zip: '45402', propertyType: 'SFR', askingPrice: 89_000, source: 'DIRECT_MAIL', minutesAgo: 12 },
  { sellerName: 'James Carter', sellerPhone: '(614) 555-0199', street: '42 Elm Ave', city: 'Columbus', state: 'OH', zip: '43205', propertyType: 'MULTI_FAMILY', askingPrice: 210_000, arv: 340_000, repairEstimate: 45_000, beds: 6, baths: 3, source: 'COLD_CALL', minutesAgo: 35 },
  { sellerName: 'Linda Nguyen', sellerPhone: '(513) 555-0110', street: '9 Vine St', city: 'Cincinnati', state: 'OH', zip: '45202', propertyType: 'CONDO', askingPrice: 125_000, source: 'PPC', minutesAgo: 50 },
  { sellerName: 'Robert King', sellerPhone: '(216) 555-0175', street: '770 Lake Rd', city: 'Cleveland', state: 'OH', zip: '44102', propertyType: 'SFR', askingPrice: 67_500, arv: 135_000, repairEstimate: 20_000, beds: 3, baths: 1, source: 'DRIVING_FOR_DOLLARS', minutesAgo: 150 },
  { sellerName: 'Patricia Hall', sellerPhone: '(419) 555-0133', street: '15 Maple Ct', city: 'Toledo', state: 'OH', zip: '43604', propertyType: 'TOWNHOUSE', askingPrice: 98_000, source: 'REFERRAL', minutesAgo: 5 },
] as const;

const DEMO_BUYERS = [
  { name: 'Gem City Capital', company: 'Gem City Capital LLC', email: 'deals@gemcity.example', cashBuyer: true, proofOfFundsAmount: 400_000, markets: ['Dayton, OH', 'Columbus, OH'], propertyTypes: ['SFR', 'MULTI_FAMILY'], minPrice: 50_000, maxPrice: 250_000, status: 'ACTIVE' },
  { name: 'Lakefront Rentals', company: null, email: 'buy@lakefront.example', cashBuyer: false, proofOfFundsAmount: null, markets: ['Cleveland, OH', 'Toledo, OH'], propertyTypes: ['SFR', 'TOWNHOUSE'], minPrice: 40_000, maxPrice: 120_000, status: 'NEW' },
] as const;

/** How long one of the seed's transactions may take: on a busy machine (a CI run beside other work) one took 5.4 s, past Prisma's 5 s default. */
const SEED_TRANSACTION_TIMEOUT_MS = 60_000;

/** seedDemoData on the database at `target` (a file or a postgresql:// URL), opened for the seed alone with its transaction budget. */
export async function seedDemoDatabase(target: string, now = new Date()): Promise<{ seeded: boolean }> {
  const db = await openDb(target, { transactionTimeoutMs: SEED_TRANSACTION_TIMEOUT_MS });
  try {
    return await seedDemoData(db, now);
  } finally {
    await db.$disconnect();
  }
}

/**
 * Demo users (one per role, password `flipstackk`), five fresh leads and two buyers, then the
 * story around them (prisma/seed-story.ts); does nothing when users exist.
 */
export async function seedDemoData(db: Db, now = new Date()): Promise<{ seeded: boolean }> {
  if ((await db.user.count()) > 0) return { seeded: false };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users = await db.$transaction(async (tx) => {
    const users = [];
    for (const user of DEMO_USERS) users.push(await tx.user.create({ data: { ...user, passwordHash } }));
    const agent = users[0]!;
    for (const { minutesAgo, ...lead } of DEMO_LEADS) {
      const createdAt = new Date(now.getTime() - minutesAgo * 60_000);
      const created = await saveLeadScore(tx, await tx.lead.create({ data: { ...lead, ...leadKeyData(lead), ownerId: agent.id, createdAt } }), now);
      const event = await recordEvent(tx, { entityType: 'lead', entityId: created.id, action: 'created', entity: toLeadJson(created) });
      // Dated when the lead came in, like the story's events (see happenedAt in seed-story.ts).
      await tx.event.update({ where: { id: event.id }, data: { createdAt } });
    }
    for (const { markets, propertyTypes, ...buyer } of DEMO_BUYERS) {
      const created = await tx.buyer.create({
        data: { ...buyer, ...buyerKeyData(buyer), markets: JSON.stringify(markets), propertyTypes: JSON.stringify(propertyTypes), ownerId: users[1]!.id },
      });
      await replaceBuyerMarkets(tx, created);
      await recordEvent(tx, { entityType: 'buyer', entityId: created.id, action: 'created', entity: toBuyerJson(created) });
    }
    return users;
  });
  const [agent, acquisitions, supervisor] = users as [User, User, User];
  await seedDemoStory(db, { agent, acquisitions, supervisor }, now);
  // Their workflows are started by the worker's reconciler, like any record saved without one.
  return { seeded: true };
}
