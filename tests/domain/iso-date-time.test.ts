import { isoDateTime } from '../../domain/validation/fields';
import { createOfferInputSchema } from '../../domain/offers/offer.schema';
import { updateBuyerInputSchema } from '../../domain/buyers/buyer.schema';
import { createTaskInputSchema } from '../../domain/tasks/task.schema';
import { createDocumentInputSchema } from '../../domain/documents/document.schema';

describe('isoDateTime', () => {
  it.each(['0000-01-01T00:00:00Z', '1899-06-30T12:00:00Z', '2200-01-01T00:00:00Z', '9999-12-31T23:59:59Z'])('refuses %s: a date no CRM record has, naming the years it takes', (text) => {
    expect(isoDateTime().safeParse(text).error?.issues.map((issue) => issue.message)).toEqual(['must be a date between the years 1900 and 2199']);
  });

  it.each(['1900-01-01T00:00:00Z', '2026-12-06T12:00:00-05:00', '2199-12-31T23:59:59Z'])('takes %s', (text) => {
    expect(isoDateTime().safeParse(text).success).toBe(true);
  });

  it('keeps its own message for what is no date-time at all', () => {
    expect(isoDateTime().safeParse('2026-02-30T00:00:00Z').error?.issues[0]?.message).toBe('must be an ISO date-time');
  });

  it("is what an offer's expiry, a buyer's proof-of-funds expiry, a document's expiry and a task's due date take", () => {
    const document = createDocumentInputSchema.safeParse({ leadId: 'l1', kind: 'OTHER', fileName: 'a.pdf', expiresAt: '9999-12-31T23:59:59Z' });
    expect(document.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['expiresAt']);
    const task = createTaskInputSchema.safeParse({ title: 'Call back', type: 'FOLLOW_UP', priority: 'LOW', dueAt: '0000-01-01T00:00:00Z', allowPastDue: true });
    expect(task.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['dueAt']);
    const offer = createOfferInputSchema.safeParse({ leadId: 'l1', kind: 'PURCHASE', amount: 1000, expiresAt: '9999-12-31T23:59:59Z' });
    expect(offer.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['expiresAt']);
    const buyer = updateBuyerInputSchema.safeParse({ pofExpiresAt: '0000-01-01T00:00:00Z' });
    expect(buyer.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['pofExpiresAt']);
  });
});
