import { assignmentRuleFor } from '../../domain/tasks/assignment-rule';

describe('assignmentRuleFor', () => {
  it.each([
    [{ type: 'LEAD', leadId: 'l1' }, { kind: 'LEAD_OWNER' }],
    [{ type: 'FOLLOW_UP', leadId: 'l1' }, { kind: 'LEAD_OWNER' }],
    [{ type: 'BUYER', buyerId: 'b1' }, { kind: 'LEAST_LOADED', role: 'ACQUISITIONS' }],
    [{ type: 'BUYER' }, { kind: 'LEAST_LOADED', role: 'ACQUISITIONS' }],
    [{ type: 'ADMIN', leadId: 'l1' }, { kind: 'LEAST_LOADED', role: 'ADMIN' }],
    [{ type: 'OFFER', offerId: 'o1' }, { kind: 'OFFER_CREATOR' }],
    [{ type: 'FOLLOW_UP' }, { kind: 'LEAST_LOADED', role: null }],
    [{ type: 'SYSTEM' }, { kind: 'LEAST_LOADED', role: null }],
    [{ type: 'LEAD' }, { kind: 'CREATOR' }],
  ] as const)('%p → %p', (task, rule) => {
    expect(assignmentRuleFor(task)).toEqual(rule);
  });
});
