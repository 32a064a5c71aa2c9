import { funnelFrom, velocityBucket } from '../../domain/analytics/analytics.schema';

describe('analytics rules', () => {
  it('counts every lead at each stage it reached, dead ones where they were', () => {
    expect(funnelFrom({ NEW: 2, CONTACTED: 3, QUALIFIED: 1, CLOSED: 1, DEAD: 4 }, 1)).toEqual([
      { stage: 'NEW', leads: 11 },
      { stage: 'CONTACTED', leads: 6 },
      { stage: 'QUALIFIED', leads: 2 },
      { stage: 'OFFER_MADE', leads: 1 },
      { stage: 'UNDER_CONTRACT', leads: 1 },
      { stage: 'CLOSED', leads: 1 },
    ]);
    expect(funnelFrom({}, 0).every((stage) => stage.leads === 0)).toBe(true);
  });

  it.each([
    [0, '0–14 days'],
    [14, '0–14 days'],
    [14.5, '15–30 days'],
    [60, '31–60 days'],
    [90, '61–90 days'],
    [400, '91+ days'],
  ])('%d days → %s', (days, bucket) => {
    expect(velocityBucket(days)).toBe(bucket);
  });
});
