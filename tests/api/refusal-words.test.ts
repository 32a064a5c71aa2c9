import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { validationError } from '../../api/errors';
import { fieldLabel, problemInWords } from '../../domain/labels/field-labels';
import { LABEL_TABLES } from '../../domain/labels/labels';
import { checkLeadTransition } from '../../domain/leads/lead-status';
import { DEAD_REASONS, LEAD_STATUSES } from '../../domain/leads/lead.schema';
import { notificationFor } from '../../domain/notifications/notification-kinds';
import { checkOfferMove, checkOfferTransition, CLOSED_DEAL_OFFERS_FINAL, OFFER_STATUSES } from '../../domain/offers/offer.schema';
import { checkBuyerAcceptance } from '../../domain/offers/buyer-acceptance';
import { checkPurchaseAcceptance, checkPurchaseAcceptanceAtWrite } from '../../domain/offers/purchase-acceptance';
import { checkTaskAction } from '../../domain/tasks/task-actions';
import { checkTaskEdit } from '../../domain/tasks/task-edits';
import { TASK_ACTIONS, TASK_STATUSES } from '../../domain/tasks/task.schema';
import { ROOT_DIR } from '../support/test-db';

jest.setTimeout(180_000);

// Enum values people would read raw (OFFER_MADE, UNDER_CONTRACT, SFR, PENDING_REVIEW…): any value whose label is other words.
const RAW_VALUES = [...new Set(LABEL_TABLES.filter((table) => table.name !== 'event').flatMap((table) => table.values.filter((value) => table.labels[value] !== value)))];
const RAW_VALUE = new RegExp(`\\b(${RAW_VALUES.join('|')})\\b`);
const SCREAMING_CASE = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/;
// A field name where a person reads the sentence: "leadsTo is required", "dueAt is in the past".
const FIELD_NAME_IN_SENTENCE = /(?:^|[\s:(])[a-z]+[A-Z][A-Za-z]*\s+(?:is|must|does|cannot|names)\b/;

function expectInWords(message: string): void {
  expect(message).not.toMatch(RAW_VALUE);
  expect(message).not.toMatch(SCREAMING_CASE);
  expect(message).not.toMatch(FIELD_NAME_IN_SENTENCE);
}

const sourceFiles = (dir: string): string[] =>
  fs.readdirSync(path.join(ROOT_DIR, dir), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts')).map((file) => path.join(dir, file));

// The message of each refusal written in the code: an AppError's, a non-retryable failure's, a rule's reason or message.
const REFUSAL = /(?:new AppError\(\s*'[A-Z_]+',\s*|ApplicationFailure\.nonRetryable\(\s*|\brefused\(\s*|\breason:\s*|\bmessage:\s*)(`(?:[^`\\]|\\.)*`|'(?:[^'\\]|\\.)*')/g;

describe('refusals say what is wrong in words, with no enum values or field names', () => {
  const refusals = ['api', 'domain', 'activities', 'workflows'].flatMap(sourceFiles).flatMap((file) =>
    [...fs.readFileSync(path.join(ROOT_DIR, file), 'utf8').matchAll(REFUSAL)].map((match): [string, string] => [file, match[1]!]),
  );

  it('finds the refusals in the code', () => {
    expect(refusals.length).toBeGreaterThan(100);
  });

  // A rule's data (reason: 'WRONG_NUMBER') is not a sentence.
  it.each(refusals.filter(([, literal]) => !/^'[A-Z_]+'$/.test(literal)))('%s: %s', (_file, literal) => {
    // The words around the interpolations, and no raw status, role or kind interpolated ("${task.status}").
    const text = literal.replace(/\$\{(?:[^{}]|\{[^{}]*\})*\}/g, 'X');
    expectInWords(text.slice(1, -1));
    expect(literal).not.toMatch(/\$\{[\w.!]*\b(?:status|role|kind|propertyType|source)\}/);
  });

  it.each(LEAD_STATUSES.flatMap((from) => LEAD_STATUSES.map((to) => [from, to] as const)))('a lead moved %s → %s', (from, to) => {
    const check = checkLeadTransition(from, to, DEAD_REASONS[0]);
    if (!check.ok) expectInWords(check.reason);
    const noReason = checkLeadTransition(from, to);
    if (!noReason.ok) expectInWords(noReason.reason);
  });

  it.each(OFFER_STATUSES.flatMap((from) => OFFER_STATUSES.map((to) => [from, to] as const)))('an offer moved %s → %s', (from, to) => {
    const check = checkOfferTransition(from, to);
    if (!check.ok) expectInWords(check.reason);
    for (const kind of ['PURCHASE', 'BUYER'] as const) {
      const move = checkOfferMove(kind, from, to);
      if (!move.ok) expectInWords(move.reason);
    }
    expectInWords(CLOSED_DEAL_OFFERS_FINAL);
  });

  it.each(LEAD_STATUSES)('a purchase offer accepted on a lead at %s, with or without another accepted', (status) => {
    const check = checkPurchaseAcceptance(status);
    if (!check.ok) expectInWords(check.reason);
    for (const acceptedOffer of [null, { amount: 90_000, buyerName: null }]) {
      const atWrite = checkPurchaseAcceptanceAtWrite({ leadStatus: status, leadArchived: false, acceptedOffer });
      if (!atWrite.ok) expectInWords(atWrite.reason);
    }
  });

  it.each(LEAD_STATUSES)("a buyer's offer accepted on a lead at %s, live or archived, with or without another accepted", (status) => {
    for (const leadArchived of [false, true]) {
      for (const acceptedOffer of [null, { amount: 90_000, buyerName: 'Bo Buys' }, { amount: 90_000, buyerName: null }]) {
        const check = checkBuyerAcceptance({ leadStatus: status, leadArchived, acceptedOffer });
        if (!check.ok) expectInWords(check.reason);
      }
    }
  });

  it.each(TASK_STATUSES)('every action and edit on a task that is %s', (status) => {
    const task = { status, assigneeId: 'a', createdById: 'c', requiresReview: true };
    for (const role of ['AGENT', 'SUPERVISOR', 'ADMIN'] as const) {
      for (const action of TASK_ACTIONS) {
        const check = checkTaskAction(task, action, { id: 'a', role });
        if (!check.ok) expectInWords(check.reason);
      }
      for (const edit of ['reassign', 'reschedule', 'reprioritise'] as const) {
        const check = checkTaskEdit(task, edit, { id: 'x', role });
        if (!check.ok) expectInWords(check.reason);
      }
    }
  });

  it.each(OFFER_STATUSES)('the notification of an offer now %s', (status) => {
    const { title, body } = notificationFor('OFFER_STATUS', { sellerName: 'Ann Lee', offerKind: 'PURCHASE', amount: 90_000, status });
    expectInWords(`${title} ${body}`);
  });

  it('names fields as the forms do and enum values in their words in a 400, keeping the field names for programs', () => {
    const schema = z.object({ maxPrice: z.number(), status: z.enum(LEAD_STATUSES), propertyTypes: z.array(z.enum(['SFR', 'MULTI_FAMILY'])) });
    const refused = validationError(schema.safeParse({ maxPrice: 'abc', status: 'SOLD', propertyTypes: ['CASTLE'] }).error!, 'query');
    expect(refused.message).toContain('Max price must be a number');
    expect(refused.message).toContain('Status must be one of New, Contacted, Qualified, Offer made, Under contract, Closed, Dead');
    expect(refused.message).toContain('Property types, item 1 must be one of Single family, Multi-family');
    expectInWords(refused.message);
    expect(Object.keys(refused.fields ?? {})).toEqual(['maxPrice', 'status', 'propertyTypes.0']);
  });

  it.each([
    ['maxPrice', 'Max price'],
    ['dueAt', 'Due date'],
    ['leadsTo', 'Who takes the open leads'],
    ['followUpMs', 'Follow up ms'],
    ['propertyTypes.0', 'Property types, item 1'],
  ])('the field %s reads "%s"', (field, label) => {
    expect(fieldLabel(field)).toBe(label);
  });

  it('puts enum values in a problem into words, and leaves acronyms and other words alone', () => {
    expect(problemInWords('must be one of SFR, MULTI_FAMILY, OFFER_MADE')).toBe('must be one of Single family, Multi-family, Offer made');
    expect(problemInWords('must be a 5-digit ZIP or an ISO date')).toBe('must be a 5-digit ZIP or an ISO date');
  });
});
