import { analyticsAnswerKey } from '../../api/reports/get-analytics';
import { peopleIn } from '../../db/queries/scope-sql';
import { Prisma } from '../../prisma/generated/client';

describe("analytics' kept answers", () => {
  const range = { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') };

  it("share the team's and everyone's numbers between managers, and keep each agent's own apart", () => {
    expect(analyticsAnswerKey('team', 'supervisor-1', range)).toBe(analyticsAnswerKey('team', 'admin-1', range));
    expect(analyticsAnswerKey('everyone', 'supervisor-1', range)).toBe(analyticsAnswerKey('everyone', 'admin-1', range));
    expect(analyticsAnswerKey('me', 'agent-1', range)).not.toBe(analyticsAnswerKey('me', 'agent-2', range));
  });

  it("rest on the team's and everyone's SQL reading nobody's id, and an agent's reading theirs", () => {
    const asked = (scope: 'me' | 'team' | 'everyone', userId: string) => {
      const sql = peopleIn(Prisma.sql`"ownerId"`, scope, userId);
      return { sql: sql.sql, values: sql.values };
    };
    expect(asked('team', 'supervisor-1')).toEqual(asked('team', 'admin-1'));
    expect(asked('everyone', 'supervisor-1')).toEqual(asked('everyone', 'admin-1'));
    expect(asked('me', 'agent-1').values).toEqual(['agent-1']);
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
