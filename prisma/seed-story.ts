import { createCallActivities } from '../activities/calls.activities';
import { createLeadStatusActivities } from '../activities/lead-status.activities';
import { createOfferActivities } from '../activities/offers.activities';
import type { CallOutcome } from '../domain/calls/call.schema';
import { DEFAULT_DEADLINES } from '../domain/config/deadlines';
import type { DeadReason, LeadStatus } from '../domain/leads/lead.schema';
import type { OfferStatus } from '../domain/offers/offer.schema';
import { OPEN_TASK_STATUSES, type TaskPriority, type TaskStatus } from '../domain/tasks/task.schema';
import type { Db } from '../db/client';
import { toBuyerJson, toLeadJson, toOfferJson, toTaskJson } from '../db/rows';
import { replaceBuyerMarkets } from '../db/writes/buyer-markets';
import { buyerKeyData, leadKeyData } from '../db/writes/contact-keys';
import { saveLeadScore } from '../db/writes/lead-score';
import { recordEvent } from '../db/writes/record-event';
import { saveCall } from '../db/writes/save-call';
import { saveNote } from '../db/writes/save-note';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface StoryUsers {
  agent: { id: string; name: string };
  acquisitions: { id: string; name: string };
  supervisor: { id: string; name: string };
}

type LeadSpec = {
  sellerName: string;
  sellerPhone: string;
  street: string;
  city: string;
  state: string;
  zip: string;
  propertyType: string;
  askingPrice: number;
  arv?: number;
  repairEstimate?: number;
  beds?: number;
  baths?: number;
  source: string;
  motivation?: number;
  tags?: string[];
  daysAgo: number;
};

/**
 * The demo's story beyond the fresh leads: a lead in every pipeline stage (with its calls, notes,
 * offers and automatic tasks), two buyers whose buy boxes fit some of them, a closed deal with its
 * assignment fee, and tasks in every state (one waiting for a supervisor's review, some overdue),
 * so every dashboard figure and analytics chart has something to show on the first visit.
 *
 * Every row goes through the writes the product uses (scores, address and contact keys, events,
 * the status activities that create the automatic tasks and the deal). It starts no workflow: the
 * worker's reconciler starts those of the open records (workflowStartedAt is null), each with the
 * status it has, so a lead past NEW gets no second contact task and a sent offer no second follow-up.
 */
export async function seedDemoStory(db: Db, users: StoryUsers, now: Date): Promise<void> {
  const { agent, acquisitions, supervisor } = users;
  const deadlines = DEFAULT_DEADLINES;
  const leadStatus = createLeadStatusActivities({ db, automationGraceMs: deadlines.automationGraceMs });
  const offers = createOfferActivities({ db, automationGraceMs: deadlines.automationGraceMs });
  const calls = createCallActivities({ db });
  const ago = (ms: number): Date => new Date(now.getTime() - ms);
  const ahead = (ms: number): Date => new Date(now.getTime() + ms);
  // Revenue "this month" counts deals closed since the first of the month (UTC).
  const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  const thisMonth = (ms: number): Date => new Date(Math.max(monthStart + MINUTE, now.getTime() - ms));
  let step = 0;
  const stepKey = (): string => `seed:s${(step += 1)}`;
  // The events a story step writes are dated when the story says it happened, so lead histories
  // and the activity feed read "2 days ago", not the moment the demo data was written.
  const happenedAt = async <T>(at: Date, body: () => Promise<T>): Promise<T> => {
    const before = (await db.event.aggregate({ _max: { id: true } }))._max.id ?? 0;
    const result = await body();
    await db.event.updateMany({ where: { id: { gt: before } }, data: { createdAt: at } });
    return result;
  };

  const createLead = async ({ daysAgo, tags, ...fields }: LeadSpec, ownerId: string) => {
    const createdAt = ago(daysAgo * DAY);
    return happenedAt(createdAt, () => db.$transaction(async (tx) => {
      const created = await saveLeadScore(
        tx,
        await tx.lead.create({ data: { ...fields, ...leadKeyData(fields), tags: JSON.stringify(tags ?? []), ownerId, createdAt } }),
        now,
      );
      await recordEvent(tx, { entityType: 'lead', entityId: created.id, action: 'created', entity: toLeadJson(created), actorId: ownerId });
      return created;
    }));
  };
  // The automatic tasks each record's last change created: done by the time of its next change
  // (a dead lead's are cancelled by the status write itself). Their creation is dated when it happened.
  const openTasks = new Map<string, string[]>();
  const created = async (recordId: string, taskIds: string[], at: Date): Promise<void> => {
    await db.task.updateMany({ where: { id: { in: taskIds } }, data: { createdAt: at } });
    openTasks.set(recordId, taskIds);
  };
  const completeTasks = async (recordId: string, at: Date, actorId: string): Promise<void> => {
    for (const id of openTasks.get(recordId) ?? []) {
      await db.$transaction(async (tx) => {
        const task = await tx.task.findUniqueOrThrow({ where: { id } });
        if (!(OPEN_TASK_STATUSES as readonly string[]).includes(task.status)) return;
        const done = await tx.task.update({ where: { id }, data: { status: 'COMPLETED', completedAt: at } });
        await recordEvent(tx, { entityType: 'task', entityId: id, action: 'completed', entity: toTaskJson(done), actorId });
      });
    }
    openTasks.delete(recordId);
  };
  const move = (leadId: string, to: LeadStatus, at: Date, actorId: string, reason?: DeadReason): Promise<void> =>
    happenedAt(at, async () => {
      if (to !== 'DEAD') await completeTasks(leadId, at, actorId);
      const { createdTaskIds } = await leadStatus.applyLeadStatus({ leadId, to, reason, actorId, stepKey: stepKey(), at: at.toISOString(), deadlines });
      await created(leadId, createdTaskIds, at);
    });
  const call = (leadId: string, caller: { id: string; name: string }, outcome: CallOutcome, at: Date, note?: string) => happenedAt(at, async () => {
    await saveCall(db, { leadId, userId: caller.id, callerName: caller.name, outcome, ...(note ? { note } : {}) }, at);
    // What the lead's workflow does with an unanswered call: the next attempt after the Settings' delay (the next business day).
    if (outcome === 'NO_ANSWER' || outcome === 'VOICEMAIL') await calls.armNextCallAttempt({ leadId, at: at.toISOString() });
  });
  const note = (leadId: string, authorId: string, body: string) => db.$transaction((tx) => saveNote(tx, { body, authorId, leadId }));
  const createOffer = async (
    input: { leadId: string; kind: 'PURCHASE' | 'BUYER'; amount: number; buyerId?: string; createdById: string; daysAgo: number },
    moves: Array<{ to: OfferStatus; at: Date; actorId: string }>,
  ) => {
    const { daysAgo, ...fields } = input;
    const createdAt = ago(daysAgo * DAY);
    const offer = await happenedAt(createdAt, () =>
      db.$transaction(async (tx) => {
        const created = await tx.offer.create({ data: { ...fields, createdAt } });
        await recordEvent(tx, { entityType: 'offer', entityId: created.id, action: 'created', entity: toOfferJson(created), actorId: fields.createdById });
        return created;
      }),
    );
    for (const { to, at, actorId } of moves) {
      await happenedAt(at, async () => {
        await completeTasks(offer.id, at, actorId);
        const { createdTaskIds } = await offers.applyOfferStatus({ offerId: offer.id, to, actorId, stepKey: stepKey(), at: at.toISOString(), followUpMs: deadlines.offerFollowUpMs });
        await created(offer.id, createdTaskIds, at);
      });
    }
    return offer;
  };
  const createBuyer = async (buyer: {
    name: string;
    company: string | null;
    email: string;
    phone: string;
    cashBuyer: boolean;
    proofOfFundsAmount: number;
    markets: string[];
    propertyTypes: string[];
    strategies: string[];
    minPrice: number;
    maxPrice: number;
    status: 'NEW' | 'ACTIVE';
    daysAgo: number;
  }) => {
    const { markets, propertyTypes, strategies, daysAgo, ...fields } = buyer;
    return happenedAt(ago(daysAgo * DAY), () => db.$transaction(async (tx) => {
      const created = await tx.buyer.create({
        data: {
          ...fields,
          ...buyerKeyData(fields),
          markets: JSON.stringify(markets),
          propertyTypes: JSON.stringify(propertyTypes),
          strategies: JSON.stringify(strategies),
          ownerId: acquisitions.id,
          createdAt: ago(daysAgo * DAY),
        },
      });
      await replaceBuyerMarkets(tx, created);
      await recordEvent(tx, { entityType: 'buyer', entityId: created.id, action: 'created', entity: toBuyerJson(created), actorId: acquisitions.id });
      return created;
    }));
  };
  /** A task a person made, in the state it has reached (open ones get their workflow from the reconciler). */
  const createTask = (task: {
    title: string;
    type: 'LEAD' | 'BUYER' | 'OFFER' | 'ADMIN' | 'FOLLOW_UP';
    priority: TaskPriority;
    status: TaskStatus;
    assigneeId: string | null;
    createdById: string;
    createdAt: Date;
    dueAt: Date;
    completedAt?: Date;
    overdue?: boolean;
    requiresReview?: boolean;
    leadId?: string;
    buyerId?: string;
    description?: string;
  }) =>
    happenedAt(task.createdAt, () =>
      db.$transaction(async (tx) => {
        const created = await tx.task.create({ data: task });
        await recordEvent(tx, { entityType: 'task', entityId: created.id, action: 'created', entity: toTaskJson(created), actorId: task.createdById });
        return created;
      }),
    );

  // Buyers: Buckeye buys cheap houses around Dayton's suburbs, Northcoast small rentals up north.
  const buckeye = await createBuyer({
    name: 'Buckeye Flip Partners', company: 'Buckeye Flip Partners LLC', email: 'offers@buckeyeflip.example', phone: '(937) 555-0188', cashBuyer: true,
    proofOfFundsAmount: 300_000, markets: ['Springfield, OH', 'Xenia, OH', 'Fairborn, OH', 'Hamilton, OH'], propertyTypes: ['SFR', 'TOWNHOUSE'], strategies: ['FLIP'],
    minPrice: 60_000, maxPrice: 160_000, status: 'ACTIVE', daysAgo: 40,
  });
  const northcoast = await createBuyer({
    name: 'Northcoast Holdings', company: 'Northcoast Holdings Inc.', email: 'acquire@northcoast.example', phone: '(330) 555-0123', cashBuyer: false,
    proofOfFundsAmount: 500_000, markets: ['Akron, OH', 'Canton, OH'], propertyTypes: ['SFR', 'MULTI_FAMILY'], strategies: ['RENTAL', 'BRRRR'],
    minPrice: 80_000, maxPrice: 260_000, status: 'ACTIVE', daysAgo: 35,
  });

  // NEW, two days old and never reached: its workflow will find the contact deadline passed and flag it.
  const irene = await createLead({ sellerName: 'Irene Walsh', sellerPhone: '(937) 555-0161', street: '615 Linden Ave', city: 'Springfield', state: 'OH', zip: '45505', propertyType: 'SFR', askingPrice: 74_000, arv: 128_000, repairEstimate: 22_000, beds: 3, baths: 1, source: 'DIRECT_MAIL', motivation: 3, tags: ['Tax Delinquent'], daysAgo: 2 }, agent.id);
  await call(irene.id, agent, 'NO_ANSWER', ago(25 * MINUTE));

  // CONTACTED: talked last night, the follow-up is armed; a voicemail this morning moves the next attempt.
  const dorothy = await createLead({ sellerName: 'Dorothy Mills', sellerPhone: '(937) 555-0170', street: '2210 Selma Rd', city: 'Springfield', state: 'OH', zip: '45505', propertyType: 'SFR', askingPrice: 92_000, arv: 150_000, repairEstimate: 25_000, beds: 3, baths: 1, source: 'DIRECT_MAIL', motivation: 4, tags: ['Vacant'], daysAgo: 3 }, agent.id);
  await call(dorothy.id, agent, 'TALKED', ago(20 * HOUR), 'Inherited the house, lives out of state. Wants it gone before winter.');
  await move(dorothy.id, 'CONTACTED', ago(20 * HOUR), agent.id);
  await note(dorothy.id, agent.id, 'Roof is about 20 years old; she has a quote for $9k. Send her our repair estimate.');
  await call(dorothy.id, agent, 'VOICEMAIL', ago(20 * MINUTE));

  // QUALIFIED this morning: a visit to schedule.
  const kevin = await createLead({ sellerName: 'Kevin Brooks', sellerPhone: '(937) 555-0173', street: '417 Wayne Ave', city: 'Xenia', state: 'OH', zip: '45385', propertyType: 'SFR', askingPrice: 118_000, arv: 190_000, repairEstimate: 30_000, beds: 3, baths: 2, source: 'REFERRAL', motivation: 5, daysAgo: 9 }, agent.id);
  await call(kevin.id, agent, 'TALKED', ago(9 * DAY - 2 * HOUR));
  await move(kevin.id, 'CONTACTED', ago(9 * DAY - 2 * HOUR), agent.id);
  await move(kevin.id, 'QUALIFIED', ago(40 * MINUTE), agent.id);
  await call(kevin.id, agent, 'TALKED', ago(15 * MINUTE), 'Can show the house Thursday after 4.');
  await note(kevin.id, agent.id, 'Motivated: new job in Cincinnati starts next month. Bring the contract to the walk-through.');

  // OFFER_MADE: our purchase offer went out this morning.
  const harold = await createLead({ sellerName: 'Harold Greene', sellerPhone: '(937) 555-0177', street: '88 Main St', city: 'Fairborn', state: 'OH', zip: '45324', propertyType: 'TOWNHOUSE', askingPrice: 105_000, arv: 165_000, repairEstimate: 20_000, beds: 2, baths: 1.5, source: 'COLD_CALL', motivation: 3, daysAgo: 14 }, agent.id);
  await move(harold.id, 'CONTACTED', ago(14 * DAY - HOUR), agent.id);
  await move(harold.id, 'QUALIFIED', ago(10 * DAY), agent.id);
  await move(harold.id, 'OFFER_MADE', ago(50 * MINUTE), agent.id);
  await createOffer({ leadId: harold.id, kind: 'PURCHASE', amount: 95_000, createdById: agent.id, daysAgo: 1 }, [{ to: 'SENT', at: ago(50 * MINUTE), actorId: agent.id }]);

  // UNDER_CONTRACT: our offer accepted yesterday, the contract signed this morning, a buyer's offer on the table.
  const gloria = await createLead({ sellerName: 'Gloria Reed', sellerPhone: '(330) 555-0145', street: '1402 Brown St', city: 'Akron', state: 'OH', zip: '44301', propertyType: 'MULTI_FAMILY', askingPrice: 140_000, arv: 230_000, repairEstimate: 40_000, beds: 4, baths: 2, source: 'PPC', motivation: 4, daysAgo: 20 }, agent.id);
  await move(gloria.id, 'CONTACTED', ago(20 * DAY - 30 * MINUTE), agent.id);
  await move(gloria.id, 'QUALIFIED', ago(16 * DAY), agent.id);
  await move(gloria.id, 'OFFER_MADE', ago(12 * DAY), agent.id);
  await createOffer({ leadId: gloria.id, kind: 'PURCHASE', amount: 132_000, createdById: agent.id, daysAgo: 12 }, [
    { to: 'SENT', at: ago(12 * DAY), actorId: agent.id },
    { to: 'ACCEPTED', at: ago(1 * DAY), actorId: agent.id },
  ]);
  await move(gloria.id, 'UNDER_CONTRACT', ago(35 * MINUTE), agent.id);
  await createOffer({ leadId: gloria.id, kind: 'BUYER', amount: 150_000, buyerId: northcoast.id, createdById: acquisitions.id, daysAgo: 0.1 }, [{ to: 'SENT', at: ago(30 * MINUTE), actorId: acquisitions.id }]);

  // CLOSED this month: bought at $72,000, assigned to Buckeye at $84,000: a $12,000 fee.
  const walter = await createLead({ sellerName: 'Walter Price', sellerPhone: '(513) 555-0152', street: '23 Cedar Ave', city: 'Hamilton', state: 'OH', zip: '45011', propertyType: 'SFR', askingPrice: 80_000, arv: 135_000, repairEstimate: 18_000, beds: 3, baths: 1, source: 'DRIVING_FOR_DOLLARS', motivation: 4, daysAgo: 26 }, agent.id);
  await move(walter.id, 'CONTACTED', ago(26 * DAY - 4 * HOUR), agent.id);
  await move(walter.id, 'QUALIFIED', ago(22 * DAY), agent.id);
  await move(walter.id, 'OFFER_MADE', ago(19 * DAY), agent.id);
  await createOffer({ leadId: walter.id, kind: 'PURCHASE', amount: 72_000, createdById: agent.id, daysAgo: 19 }, [
    { to: 'SENT', at: ago(19 * DAY), actorId: agent.id },
    { to: 'ACCEPTED', at: ago(17 * DAY), actorId: agent.id },
  ]);
  await move(walter.id, 'UNDER_CONTRACT', ago(17 * DAY), agent.id);
  await createOffer({ leadId: walter.id, kind: 'BUYER', amount: 84_000, buyerId: buckeye.id, createdById: acquisitions.id, daysAgo: 12 }, [
    { to: 'SENT', at: ago(12 * DAY), actorId: acquisitions.id },
    { to: 'ACCEPTED', at: ago(10 * DAY), actorId: acquisitions.id },
  ]);
  await move(walter.id, 'CLOSED', thisMonth(2 * HOUR), supervisor.id);

  // A deal acquisitions took over to close (its revenue counts for them): $78,000 → $91,000.
  const eleanor = await createLead({ sellerName: 'Eleanor Stone', sellerPhone: '(513) 555-0166', street: '509 Oak Hill Dr', city: 'Middletown', state: 'OH', zip: '45042', propertyType: 'SFR', askingPrice: 86_000, arv: 140_000, repairEstimate: 21_000, beds: 3, baths: 1.5, source: 'REFERRAL', motivation: 5, daysAgo: 22 }, acquisitions.id);
  await move(eleanor.id, 'CONTACTED', ago(22 * DAY - 3 * HOUR), supervisor.id);
  await move(eleanor.id, 'QUALIFIED', ago(20 * DAY), supervisor.id);
  await move(eleanor.id, 'OFFER_MADE', ago(18 * DAY), supervisor.id);
  await createOffer({ leadId: eleanor.id, kind: 'PURCHASE', amount: 78_000, createdById: supervisor.id, daysAgo: 18 }, [
    { to: 'SENT', at: ago(18 * DAY), actorId: supervisor.id },
    { to: 'ACCEPTED', at: ago(15 * DAY), actorId: supervisor.id },
  ]);
  await move(eleanor.id, 'UNDER_CONTRACT', ago(15 * DAY), supervisor.id);
  await createOffer({ leadId: eleanor.id, kind: 'BUYER', amount: 91_000, buyerId: buckeye.id, createdById: acquisitions.id, daysAgo: 9 }, [
    { to: 'SENT', at: ago(9 * DAY), actorId: acquisitions.id },
    { to: 'ACCEPTED', at: ago(7 * DAY), actorId: acquisitions.id },
  ]);
  await move(eleanor.id, 'CLOSED', thisMonth(4 * DAY), supervisor.id);

  // Acquisitions works sellers too, so their own dashboard has figures: a lead from this morning not
  // reached yet, and a landlord talked to a few minutes ago (CONTACTED: its workflow arms the follow-up).
  const frank = await createLead({ sellerName: 'Frank Russo', sellerPhone: '(937) 555-0192', street: '1840 Wilmington Pike', city: 'Kettering', state: 'OH', zip: '45420', propertyType: 'SFR', askingPrice: 71_000, arv: 122_000, repairEstimate: 18_000, beds: 3, baths: 1, source: 'PPC', motivation: 3, daysAgo: 0.02 }, acquisitions.id);
  await call(frank.id, acquisitions, 'NO_ANSWER', ago(10 * MINUTE));
  const teresa = await createLead({ sellerName: 'Teresa Grant', sellerPhone: '(937) 555-0196', street: '36 Central Ave', city: 'Miamisburg', state: 'OH', zip: '45342', propertyType: 'MULTI_FAMILY', askingPrice: 134_000, arv: 215_000, repairEstimate: 35_000, beds: 4, baths: 2, source: 'REFERRAL', motivation: 4, tags: ['Tired Landlord'], daysAgo: 2 }, acquisitions.id);
  await call(teresa.id, acquisitions, 'VOICEMAIL', ago(1 * DAY));
  await call(teresa.id, acquisitions, 'TALKED', ago(12 * MINUTE), 'Tenants leave at the end of the month; open to a cash offer if we close in 30 days.');
  await move(teresa.id, 'CONTACTED', ago(12 * MINUTE), acquisitions.id);

  // DEAD, with their reasons: one said no on the phone, one listed with an agent.
  const nancy = await createLead({ sellerName: 'Nancy Fields', sellerPhone: '(330) 555-0139', street: '77 Market Ave', city: 'Canton', state: 'OH', zip: '44702', propertyType: 'CONDO', askingPrice: 99_000, source: 'COLD_CALL', motivation: 1, daysAgo: 11 }, agent.id);
  await call(nancy.id, agent, 'NOT_INTERESTED', ago(10 * DAY), 'Not selling; asked us not to call again.');
  await move(nancy.id, 'DEAD', ago(10 * DAY), agent.id, 'NOT_MOTIVATED');
  const oscar = await createLead({ sellerName: 'Oscar Diaz', sellerPhone: '(937) 555-0181', street: '310 Vine Ct', city: 'Fairborn', state: 'OH', zip: '45324', propertyType: 'SFR', askingPrice: 128_000, source: 'PPC', motivation: 2, daysAgo: 4 }, agent.id);
  await move(oscar.id, 'CONTACTED', ago(4 * DAY - 2 * HOUR), agent.id);
  await move(oscar.id, 'DEAD', ago(2 * DAY), agent.id, 'LISTED_WITH_AGENT');

  // Tasks people made, in every state. Due dates spread over the coming week, none tomorrow (the
  // automatic ones above fall due in two days): a month view's day cell shows only a few tasks.
  const day = (days: number, hours = 0): Date => ahead(days * DAY + hours * HOUR);
  await createTask({ title: 'Send Dorothy the repair estimate', type: 'LEAD', priority: 'MEDIUM', status: 'ASSIGNED', assigneeId: agent.id, createdById: agent.id, createdAt: ago(5 * DAY), dueAt: day(3, 4), leadId: dorothy.id });
  await createTask({ title: 'Walk-through at 417 Wayne Ave', type: 'LEAD', priority: 'HIGH', status: 'IN_PROGRESS', assigneeId: agent.id, createdById: agent.id, createdAt: ago(2 * DAY), dueAt: day(0, 3), leadId: kevin.id });
  await createTask({ title: 'Check the purchase contract for 1402 Brown St', description: 'Sam reviews every contract before it goes to the title company.', type: 'LEAD', priority: 'HIGH', status: 'PENDING_REVIEW', requiresReview: true, assigneeId: agent.id, createdById: supervisor.id, createdAt: ago(3 * DAY), dueAt: day(2, 3), leadId: gloria.id });
  await createTask({ title: 'Mail the seller packet to 615 Linden Ave', type: 'LEAD', priority: 'LOW', status: 'ASSIGNED', assigneeId: agent.id, createdById: agent.id, createdAt: ago(1 * DAY), dueAt: day(4, 2), leadId: irene.id });
  await createTask({ title: 'Ask Harold for the HOA documents', type: 'LEAD', priority: 'MEDIUM', status: 'ASSIGNED', assigneeId: agent.id, createdById: agent.id, createdAt: ago(1 * DAY), dueAt: day(5, 2), leadId: harold.id });
  await createTask({ title: 'Get the utility shut-off dates for 88 Main St', type: 'LEAD', priority: 'MEDIUM', status: 'ASSIGNED', overdue: true, assigneeId: agent.id, createdById: agent.id, createdAt: ago(4 * DAY), dueAt: ago(1 * DAY), leadId: harold.id });
  await createTask({ title: 'Pull comps for 88 Main St', type: 'LEAD', priority: 'MEDIUM', status: 'COMPLETED', assigneeId: agent.id, createdById: agent.id, createdAt: ago(12 * DAY), dueAt: ago(10 * DAY), completedAt: ago(11 * DAY), leadId: harold.id });
  await createTask({ title: 'Phone the title company about 23 Cedar Ave', type: 'LEAD', priority: 'HIGH', status: 'COMPLETED', assigneeId: agent.id, createdById: supervisor.id, createdAt: ago(17 * DAY), dueAt: ago(16 * DAY), completedAt: ago(15 * DAY), leadId: walter.id });
  const gemCity = await db.buyer.findFirst({ where: { name: 'Gem City Capital' }, select: { id: true } });
  await createTask({ title: 'Send matching properties: Gem City Capital', type: 'BUYER', priority: 'LOW', status: 'COMPLETED', assigneeId: agent.id, createdById: acquisitions.id, createdAt: ago(3 * DAY), dueAt: ago(1 * DAY), completedAt: ago(2 * DAY), ...(gemCity ? { buyerId: gemCity.id } : {}) });
  await createTask({ title: 'Drive by 77 Market Ave', type: 'LEAD', priority: 'LOW', status: 'CANCELLED', assigneeId: agent.id, createdById: agent.id, createdAt: ago(11 * DAY), dueAt: ago(9 * DAY), leadId: nancy.id });
  await createTask({ title: 'Find a second buyer for Akron rentals', type: 'ADMIN', priority: 'LOW', status: 'CREATED', assigneeId: null, createdById: supervisor.id, createdAt: ago(1 * HOUR), dueAt: day(6, 2) });
  await createTask({ title: 'Send 1402 Brown St to Northcoast Holdings', type: 'BUYER', priority: 'MEDIUM', status: 'IN_PROGRESS', assigneeId: acquisitions.id, createdById: acquisitions.id, createdAt: ago(2 * DAY), dueAt: day(3, 6), buyerId: northcoast.id });
  await createTask({ title: 'Collect the assignment deposit from Buckeye Flip Partners', type: 'BUYER', priority: 'HIGH', status: 'ASSIGNED', overdue: true, assigneeId: acquisitions.id, createdById: supervisor.id, createdAt: ago(6 * DAY), dueAt: ago(2 * DAY), buyerId: buckeye.id });
  await createTask({ title: 'Confirm the closing date with Buckeye Flip Partners', type: 'BUYER', priority: 'MEDIUM', status: 'COMPLETED', assigneeId: acquisitions.id, createdById: acquisitions.id, createdAt: ago(10 * DAY), dueAt: ago(5 * DAY), completedAt: ago(6 * DAY), buyerId: buckeye.id });
  await createTask({ title: 'Send Teresa Grant a cash offer range', type: 'LEAD', priority: 'MEDIUM', status: 'ASSIGNED', assigneeId: acquisitions.id, createdById: acquisitions.id, createdAt: ago(10 * MINUTE), dueAt: day(2, 5), leadId: teresa.id });
  await createTask({ title: 'Ask Northcoast for proof of funds', type: 'BUYER', priority: 'MEDIUM', status: 'ASSIGNED', assigneeId: acquisitions.id, createdById: acquisitions.id, createdAt: ago(1 * DAY), dueAt: day(6, 5), buyerId: northcoast.id });
}
