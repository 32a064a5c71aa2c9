import type { Faker } from '@faker-js/faker';
import { DEAD_REASONS, LEAD_SOURCES, LEAD_STATUSES, PROPERTY_TYPES } from '../../domain/leads/lead.schema';
import { METROS } from './markets';

const DAY = 86_400_000;
export const iso = (ms: number): string => new Date(ms).toISOString().replace('Z', '+00:00');

export interface TeamMember {
  id: string;
  role: string;
}

/** Older leads have moved further: the odds of each status by the lead's age. */
function leadStatus(faker: Faker, ageDays: number): (typeof LEAD_STATUSES)[number] {
  if (ageDays < 2) return faker.helpers.weightedArrayElement([{ value: 'NEW', weight: 6 }, { value: 'CONTACTED', weight: 3 }, { value: 'DEAD', weight: 1 }]);
  if (ageDays < 30)
    return faker.helpers.weightedArrayElement([
      { value: 'NEW', weight: 1 }, { value: 'CONTACTED', weight: 4 }, { value: 'QUALIFIED', weight: 2 }, { value: 'OFFER_MADE', weight: 1 },
      { value: 'UNDER_CONTRACT', weight: 1 }, { value: 'DEAD', weight: 2 },
    ]);
  return faker.helpers.weightedArrayElement([
    { value: 'CONTACTED', weight: 2 }, { value: 'QUALIFIED', weight: 1 }, { value: 'OFFER_MADE', weight: 1 }, { value: 'UNDER_CONTRACT', weight: 1 },
    { value: 'CLOSED', weight: 2 }, { value: 'DEAD', weight: 5 },
  ]);
}

/** One lead row (and its deal when closed), created at `createdMs`. */
export function leadRow(faker: Faker, index: number, createdMs: number, now: number, owners: readonly TeamMember[]) {
  const [city, state, zip] = faker.helpers.arrayElement(METROS);
  const asking = faker.number.int({ min: 35, max: 420 }) * 1_000;
  const arv = Math.round((asking * faker.number.float({ min: 1.15, max: 1.7 })) / 1_000) * 1_000;
  const status = leadStatus(faker, (now - createdMs) / DAY);
  const contacted = status !== 'NEW' && !(status === 'DEAD' && faker.datatype.boolean(0.3));
  const contactedMs = contacted ? createdMs + faker.number.int({ min: 5, max: 72 * 60 }) * 60_000 : null;
  const lead = {
    id: `vlead${index.toString(36).padStart(6, '0')}`,
    sellerName: faker.person.fullName(),
    sellerPhone: faker.phone.number({ style: 'national' }),
    sellerEmail: faker.datatype.boolean(0.6) ? faker.internet.email().toLowerCase() : null,
    street: faker.location.streetAddress(),
    city,
    state,
    zip: faker.datatype.boolean(0.8) ? zip : `${zip.slice(0, 3)}${faker.string.numeric(2)}`,
    propertyType: faker.helpers.weightedArrayElement(PROPERTY_TYPES.map((value) => ({ value, weight: value === 'SFR' ? 8 : 1 }))),
    beds: faker.number.int({ min: 1, max: 6 }),
    baths: faker.number.int({ min: 2, max: 8 }) / 2,
    sqft: faker.number.int({ min: 600, max: 3_800 }),
    yearBuilt: faker.number.int({ min: 1900, max: 2015 }),
    askingPrice: asking,
    arv,
    repairEstimate: faker.number.int({ min: 3, max: 90 }) * 1_000,
    source: faker.helpers.arrayElement(LEAD_SOURCES),
    motivation: faker.number.int({ min: 1, max: 5 }),
    status,
    deadReason: status === 'DEAD' ? faker.helpers.arrayElement(DEAD_REASONS) : null,
    contactedAt: contactedMs === null ? null : iso(contactedMs),
    ownerId: faker.helpers.arrayElement(owners).id,
    createdAt: iso(createdMs),
  };
  const closedMs = Math.min(now - 60_000, createdMs + faker.number.int({ min: 7, max: 120 }) * DAY);
  const purchase = Math.round((asking * faker.number.float({ min: 0.75, max: 0.95 })) / 500) * 500;
  const fee = faker.number.int({ min: 4, max: 45 }) * 1_000;
  const deal = status === 'CLOSED' ? { id: `vdeal${index.toString(36)}`, leadId: lead.id, purchasePrice: purchase, salePrice: purchase + fee, assignmentFee: fee, closedAt: iso(closedMs), createdAt: iso(closedMs) } : null;
  return { lead, deal };
}

/** One buyer with a buy box over one to three metros. */
export function buyerRow(faker: Faker, index: number, createdMs: number) {
  const metros = faker.helpers.arrayElements(METROS, { min: 1, max: 3 });
  const minPrice = faker.number.int({ min: 3, max: 20 }) * 10_000;
  const cash = faker.datatype.boolean(0.7);
  return {
    id: `vbuyer${index.toString(36).padStart(5, '0')}`,
    name: faker.person.fullName(),
    company: faker.datatype.boolean(0.5) ? `${faker.company.name()} LLC` : null,
    email: faker.internet.email().toLowerCase(),
    phone: faker.phone.number({ style: 'national' }),
    status: faker.helpers.weightedArrayElement([{ value: 'ACTIVE', weight: 6 }, { value: 'NEW', weight: 2 }, { value: 'INACTIVE', weight: 2 }]),
    cashBuyer: cash ? 1 : 0,
    proofOfFundsAmount: cash || faker.datatype.boolean(0.3) ? faker.number.int({ min: 5, max: 200 }) * 10_000 : null,
    markets: metros.map(([city, state]) => `${city}, ${state}`),
    propertyTypes: faker.helpers.arrayElements(PROPERTY_TYPES, { min: 1, max: 3 }),
    minPrice,
    maxPrice: minPrice + faker.number.int({ min: 5, max: 30 }) * 10_000,
    createdAt: iso(createdMs),
  };
}

const TASK_TITLES = ['Call seller back', 'Send comps to seller', 'Schedule property visit', 'Follow up on offer status', 'Verify proof of funds', 'Send matching properties', 'Prepare closing documents', 'Update repair estimate'];

/** One task of any type, priority and status, with dates that agree with its status. */
export function taskRow(faker: Faker, index: number, createdMs: number, now: number, assignees: readonly TeamMember[], leadId: string | null, buyerId: string | null) {
  const dueMs = createdMs + faker.number.int({ min: 1, max: 14 * 24 }) * 3_600_000;
  const open = dueMs > now - 30 * DAY ? faker.datatype.boolean(0.35) : faker.datatype.boolean(0.03);
  const status = open
    ? faker.helpers.weightedArrayElement([{ value: 'ASSIGNED', weight: 5 }, { value: 'IN_PROGRESS', weight: 3 }, { value: 'PENDING_REVIEW', weight: 1 }])
    : faker.helpers.weightedArrayElement([{ value: 'COMPLETED', weight: 9 }, { value: 'CANCELLED', weight: 1 }]);
  const completedMs = status === 'COMPLETED' ? Math.min(now - 60_000, createdMs + faker.number.int({ min: 10, max: 20 * 24 * 60 }) * 60_000) : null;
  return {
    id: `vtask${index.toString(36).padStart(7, '0')}`,
    title: faker.helpers.arrayElement(TASK_TITLES),
    type: leadId ? faker.helpers.arrayElement(['LEAD', 'FOLLOW_UP']) : buyerId ? 'BUYER' : faker.helpers.arrayElement(['ADMIN', 'FOLLOW_UP', 'SYSTEM']),
    priority: faker.helpers.weightedArrayElement([{ value: 'HIGH', weight: 2 }, { value: 'MEDIUM', weight: 5 }, { value: 'LOW', weight: 3 }]),
    status,
    requiresReview: status === 'PENDING_REVIEW' || faker.datatype.boolean(0.05) ? 1 : 0,
    dueAt: iso(dueMs),
    overdue: open && dueMs < now ? 1 : 0,
    assigneeId: faker.helpers.arrayElement(assignees).id,
    leadId,
    buyerId,
    completedAt: completedMs === null ? null : iso(completedMs),
    createdAt: iso(createdMs),
  };
}
