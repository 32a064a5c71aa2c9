import { assignmentFee, computeDealMath } from '../../domain/deals/deal-math';

describe('computeDealMath', () => {
  it('is ARV × 70 % − repairs − target fee, and the spread against the asking price', () => {
    // 200,000 × 0.7 = 140,000; − 30,000 repairs − 10,000 fee = 100,000
    expect(computeDealMath({ arv: 200_000, repairEstimate: 30_000, askingPrice: 90_000 })).toEqual({ mao: 100_000, spread: 10_000 });
  });

  it('uses the configured rule and fee', () => {
    expect(computeDealMath({ arv: 100_000, repairEstimate: 0, askingPrice: null }, { rulePercent: 65, targetAssignmentFee: 5_000 })).toEqual({
      mao: 60_000,
      spread: null,
    });
  });

  it('treats missing repairs as none and never goes below zero', () => {
    expect(computeDealMath({ arv: 50_000, repairEstimate: null, askingPrice: 10_000 }).mao).toBe(25_000);
    expect(computeDealMath({ arv: 20_000, repairEstimate: 50_000, askingPrice: 10_000 })).toEqual({ mao: 0, spread: -10_000 });
  });

  it('has no MAO without an ARV', () => {
    expect(computeDealMath({ arv: null, repairEstimate: 10_000, askingPrice: 80_000 })).toEqual({ mao: null, spread: null });
  });
});

describe('assignmentFee', () => {
  it('is the sale price minus the purchase price', () => {
    expect(assignmentFee(80_000, 92_500)).toBe(12_500);
  });
});
