jest.setTimeout(180_000);
import { describeLeadScore, scoreLead, type LeadScoreInput } from '../../domain/leads/lead-score';

const now = new Date('2026-12-01T12:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(now.getTime() - ms);

const buildInput = (overrides: Partial<LeadScoreInput> = {}): LeadScoreInput => ({
  motivation: null,
  arv: null,
  askingPrice: null,
  estimatedEquity: null,
  ltv: null,
  source: 'OTHER',
  tags: [],
  status: 'CONTACTED',
  createdAt: ago(30 * DAY),
  contactedAt: ago(HOUR),
  lastCallAt: null,
  ...overrides,
});

describe('scoreLead', () => {
  it.each<[string, Partial<LeadScoreInput>, number, string[]]>([
    ['nothing known, just contacted', {}, 0, []],
    ['motivation counts 6 a point', { motivation: 4 }, 24, ['motivated 4/5 +24']],
    ['motivation 1', { motivation: 1 }, 6, ['motivated 1/5 +6']],
    ['equity 45 % of the ARV', { arv: 200_000, askingPrice: 110_000 }, 20, ['equity 45 % +20']],
    ['equity 50 % or more', { arv: 200_000, askingPrice: 90_000 }, 25, ['equity 55 % +25']],
    ['equity 12 %', { arv: 100_000, askingPrice: 88_000 }, 5, ['equity 12 % +5']],
    ['no equity gives nothing', { arv: 100_000, askingPrice: 120_000 }, 0, []],
    ['equity unknown without an asking price or a list figure', { arv: 100_000 }, 0, []],
    ["a list's estimated equity over the value when there is no asking price", { arv: 200_000, estimatedEquity: 90_000 }, 20, ["equity 45 % from the list's estimated equity +20"]],
    ["the asking price wins over the list's estimated equity", { arv: 200_000, askingPrice: 180_000, estimatedEquity: 150_000 }, 5, ['equity 10 % +5']],
    ["a list's loan-to-value when there is no value", { ltv: 45, estimatedEquity: 90_000 }, 25, ["equity 55 % from the list's loan-to-value 45 % +25"]],
    ["a list's loan-to-value when there is neither asking price nor estimated equity", { arv: 200_000, ltv: 70 }, 15, ["equity 30 % from the list's loan-to-value 70 % +15"]],
    ["a list's estimated equity over the value wins over its loan-to-value", { arv: 100_000, estimatedEquity: 12_000, ltv: 10 }, 5, ["equity 12 % from the list's estimated equity +5"]],
    ['an owner underwater by the list gives nothing', { arv: 100_000, estimatedEquity: -20_000 }, 0, []],
    ['a loan-to-value over 100 % gives nothing', { ltv: 120 }, 0, []],
    ['a free-and-clear owner (loan-to-value 0 %)', { ltv: 0 }, 25, ["equity 100 % from the list's loan-to-value 0 % +25"]],
    ['not contacted for 9 days', { contactedAt: ago(9 * DAY) }, 10, ['not contacted for 9 days +10']],
    ['not contacted for 3 days', { contactedAt: ago(3 * DAY) }, 5, ['not contacted for 3 days +5']],
    ['not contacted for 20 days', { contactedAt: ago(20 * DAY) }, 15, ['not contacted for 20 days +15']],
    ['a later call is the last contact', { contactedAt: ago(20 * DAY), lastCallAt: ago(DAY) }, 0, []],
    ['a new lead never contacted, still in time', { status: 'NEW', contactedAt: null, createdAt: ago(10 * 60_000) }, 10, ['never contacted +10']],
    ['a new lead whose contact is overdue', { status: 'NEW', contactedAt: null, createdAt: ago(2 * HOUR) }, 20, ['never contacted +10', 'contact overdue +10']],
    ['an imported list lead never called has no contact deadline to be overdue on', { status: 'NEW', source: 'LIST_IMPORT', contactedAt: null, createdAt: ago(3 * DAY) }, 12, ['never contacted +10', 'source list import +2']],
    ['a dead lead has no contact parts', { status: 'DEAD', contactedAt: ago(30 * DAY) }, 0, []],
    ['a referral', { source: 'REFERRAL' }, 10, ['source referral +10']],
    ['a bought list', { source: 'LIST_IMPORT' }, 2, ['source list import +2']],
    ['tags Tax Delinquent and Vacant', { tags: ['Tax Delinquent', 'Vacant'] }, 14, ['Tax Delinquent, Vacant +14']],
    ['tags match without case or dashes, once each', { tags: ['tax-delinquent', 'TAX DELINQUENT', 'pool'] }, 8, ['tax-delinquent +8']],
    ['tags count at most 15', { tags: ['Pre-foreclosure', 'Probate', 'Vacant'] }, 15, ['Pre-foreclosure, Probate, Vacant +15']],
  ])('%s', (_name, overrides, score, reasons) => {
    const result = scoreLead(buildInput(overrides), now, HOUR);
    expect(result.score).toBe(score);
    expect(result.parts.map((part) => part.reason)).toEqual(reasons);
  });

  it('adds the parts, biggest first; every part at its most makes 100', () => {
    const result = scoreLead(
      buildInput({ motivation: 5, arv: 200_000, askingPrice: 80_000, contactedAt: ago(30 * DAY), source: 'REFERRAL', tags: ['Pre-foreclosure', 'Vacant'] }),
      now,
      HOUR,
    );
    expect(result.parts.map((part) => part.points)).toEqual([30, 25, 15, 15, 10]);
    expect(result.score).toBe(95);
    const more = scoreLead(buildInput({ motivation: 5, arv: 200_000, askingPrice: 80_000, status: 'NEW', contactedAt: null, createdAt: ago(DAY), source: 'REFERRAL', tags: ['Pre-foreclosure', 'Vacant'] }), now, HOUR);
    expect(more.parts.reduce((sum, part) => sum + part.points, 0)).toBe(100);
    expect(more.score).toBe(100);
  });

  it('reads as the lead page shows it', () => {
    const result = scoreLead(buildInput({ motivation: 4, arv: 200_000, askingPrice: 110_000, contactedAt: ago(9 * DAY) }), now, HOUR);
    expect(describeLeadScore(result)).toBe('54: motivated 4/5 +24, equity 45 % +20, not contacted for 9 days +10');
    expect(describeLeadScore({ score: 0, parts: [] })).toBe('0');
  });
});
