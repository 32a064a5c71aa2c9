import { analyticsAnswerKey } from '../../api/reports/get-analytics';

describe("analytics' kept answers", () => {
  const range = { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') };

  it("share the team's and everyone's numbers between managers, and keep each agent's own apart", () => {
    expect(analyticsAnswerKey('team', 'supervisor-1', range)).toBe(analyticsAnswerKey('team', 'admin-1', range));
    expect(analyticsAnswerKey('everyone', 'supervisor-1', range)).toBe(analyticsAnswerKey('everyone', 'admin-1', range));
    expect(analyticsAnswerKey('me', 'agent-1', range)).not.toBe(analyticsAnswerKey('me', 'agent-2', range));
  });

  it('tell the scopes and the ranges apart', () => {
    const keys = [
      analyticsAnswerKey('me', 'u', range),
      analyticsAnswerKey('team', 'u', range),
      analyticsAnswerKey('everyone', 'u', range),
      analyticsAnswerKey('everyone', 'u', { ...range, from: new Date('2026-11-02T00:00:00Z') }),
      analyticsAnswerKey('everyone', 'u', { ...range, to: new Date('2026-12-02T00:00:00Z') }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
});
