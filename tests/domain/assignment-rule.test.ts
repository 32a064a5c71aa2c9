import { assignmentRuleFor } from '../../domain/tasks/assignment-rule';

describe('assignmentRuleFor', () => {
  it.each([
    [{ type: 'LEAD', leadId: 'l1' }, { kind: 'LEAD_OWNER' }],
    [{ type: 'FOLLOW_UP', leadId: 'l1' }, { kind: 'LEAD_OWNER' }],
    [{ type: 'BUYER', buyerId: 'b1' }, { kind: 'LEAST_LOADED', role: 'ACQUISITIONS' }],
    [{ type: 'BUYER' }, { kind: 'LEAST_LOADED', role: 'ACQUISITIONS' }],
    [{ type: 'ADMIN', leadId: 'l1' }, { kind: 'LEAST_LOADED', role: 'ADMIN' }],
    [{ type: 'FOLLOW_UP' }, { kind: 'CREATOR' }],
  ] as const)('%p → %p', (task, rule) => {
    expect(assignmentRuleFor(task)).toEqual(rule);
  });
});
