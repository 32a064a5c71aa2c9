jest.setTimeout(180_000);
import { orderCallQueue, queuePlace, type QueueCandidate } from '../../domain/calls/call-queue';

const now = new Date('2026-12-01T15:00:00Z');
const HOUR = 3_600_000;
const ago = (ms: number) => new Date(now.getTime() - ms);
const later = (ms: number) => new Date(now.getTime() + ms);

const lead = (id: string, overrides: Partial<QueueCandidate> = {}): QueueCandidate => ({
  id,
  status: 'CONTACTED',
  source: 'DIRECT_MAIL',
  score: 50,
  createdAt: ago(48 * HOUR),
  contactedAt: ago(24 * HOUR),
  nextFollowUpAt: null,
  ...overrides,
});

describe('queuePlace', () => {
  it.each<[string, Partial<QueueCandidate>, string, string]>([
    ['a new lead past its contact deadline', { status: 'NEW', contactedAt: null, createdAt: ago(2 * HOUR) }, 'OVERDUE_CONTACT', 'Contact overdue'],
    ['a new lead still within its deadline', { status: 'NEW', contactedAt: null, createdAt: ago(HOUR / 2), score: 20 }, 'BY_SCORE', 'Score 20'],
    ['an overdue new lead called without answer (next attempt tomorrow)', { status: 'NEW', contactedAt: null, createdAt: ago(2 * HOUR), nextFollowUpAt: later(24 * HOUR) }, 'NEXT_ATTEMPT_LATER', 'Next attempt later'],
    ['an overdue new lead whose next attempt is due', { status: 'NEW', contactedAt: null, createdAt: ago(30 * HOUR), nextFollowUpAt: ago(HOUR) }, 'OVERDUE_CONTACT', 'Contact overdue'],
    ['a follow-up due', { nextFollowUpAt: ago(HOUR) }, 'FOLLOW_UP_DUE', 'Follow-up due'],
    ['a follow-up due this very moment', { nextFollowUpAt: now }, 'FOLLOW_UP_DUE', 'Follow-up due'],
    ['a follow-up armed for later', { nextFollowUpAt: later(HOUR) }, 'NEXT_ATTEMPT_LATER', 'Next attempt later'],
    ['a qualified lead with nothing armed', { status: 'QUALIFIED', score: 72 }, 'BY_SCORE', 'Score 72'],
    ['an imported list lead no one has called, days old (no contact deadline)', { status: 'NEW', source: 'LIST_IMPORT', contactedAt: null, createdAt: ago(72 * HOUR), score: 35 }, 'BY_SCORE', 'Score 35'],
    ['an imported list lead called without answer (next attempt tomorrow)', { status: 'NEW', source: 'LIST_IMPORT', contactedAt: null, createdAt: ago(72 * HOUR), nextFollowUpAt: later(24 * HOUR) }, 'NEXT_ATTEMPT_LATER', 'Next attempt later'],
    ['an imported list lead whose next attempt is due', { status: 'NEW', source: 'LIST_IMPORT', contactedAt: null, createdAt: ago(72 * HOUR), nextFollowUpAt: ago(HOUR) }, 'FOLLOW_UP_DUE', 'Follow-up due'],
    ['a hand-entered referral past its contact deadline', { status: 'NEW', source: 'REFERRAL', contactedAt: null, createdAt: ago(2 * HOUR) }, 'OVERDUE_CONTACT', 'Contact overdue'],
  ])('%s → %s', (_name, overrides, rule, why) => {
    expect(queuePlace(lead('x', overrides), now, HOUR)).toEqual({ rule, why });
  });
});

describe('orderCallQueue', () => {
  it('puts overdue contacts first, then follow-ups due, then by score, then later attempts; ties by score, then oldest', () => {
    const leads = [
      lead('later-high', { score: 99, nextFollowUpAt: later(HOUR) }),
      lead('score-40', { score: 40 }),
      lead('score-80-young', { score: 80, createdAt: ago(10 * HOUR) }),
      lead('score-80-old', { score: 80, createdAt: ago(20 * HOUR) }),
      lead('due-low', { score: 10, nextFollowUpAt: ago(HOUR) }),
      lead('due-high', { score: 60, nextFollowUpAt: ago(2 * HOUR) }),
      lead('overdue', { status: 'NEW', contactedAt: null, createdAt: ago(3 * HOUR), score: 5 }),
      lead('later-low', { score: 1, nextFollowUpAt: later(HOUR) }),
    ];
    expect(orderCallQueue(leads, now, HOUR).map(({ lead: { id }, rule }) => `${id} ${rule}`)).toEqual([
      'overdue OVERDUE_CONTACT',
      'due-high FOLLOW_UP_DUE',
      'due-low FOLLOW_UP_DUE',
      'score-80-old BY_SCORE',
      'score-80-young BY_SCORE',
      'score-40 BY_SCORE',
      'later-high NEXT_ATTEMPT_LATER',
      'later-low NEXT_ATTEMPT_LATER',
    ]);
  });

  it('ranks imported list leads by score among the rest, below a hand-entered overdue contact, however old they are', () => {
    const cold = { status: 'NEW' as const, source: 'LIST_IMPORT' as const, contactedAt: null };
    const leads = [
      lead('list-oldest-low', { ...cold, score: 10, createdAt: ago(500 * HOUR) }),
      lead('list-young-high', { ...cold, score: 70, createdAt: ago(30 * HOUR) }),
      lead('hand-overdue', { status: 'NEW', source: 'PPC', contactedAt: null, score: 5, createdAt: ago(2 * HOUR) }),
      lead('contacted-60', { score: 60 }),
    ];
    expect(orderCallQueue(leads, now, HOUR).map(({ lead: { id }, rule }) => `${id} ${rule}`)).toEqual([
      'hand-overdue OVERDUE_CONTACT',
      'list-young-high BY_SCORE',
      'contacted-60 BY_SCORE',
      'list-oldest-low BY_SCORE',
    ]);
  });

  it('is stable on full ties (by id)', () => {
    const same = { score: 50, createdAt: ago(HOUR) };
    expect(orderCallQueue([lead('b', same), lead('a', same)], now, HOUR).map(({ lead: { id } }) => id)).toEqual(['a', 'b']);
  });
});
