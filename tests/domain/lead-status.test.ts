import { checkLeadTransition, LEAD_TRANSITIONS } from '../../domain/leads/lead-status';
import { LEAD_STATUSES, type LeadStatus } from '../../domain/leads/lead.schema';

describe('checkLeadTransition', () => {
  it.each([
    ['NEW', 'CONTACTED'],
    ['CONTACTED', 'QUALIFIED'],
    ['QUALIFIED', 'OFFER_MADE'],
    ['OFFER_MADE', 'UNDER_CONTRACT'],
    ['UNDER_CONTRACT', 'CLOSED'],
    ['OFFER_MADE', 'QUALIFIED'],
    ['DEAD', 'NEW'],
    ['DEAD', 'CONTACTED'],
  ] as Array<[LeadStatus, LeadStatus]>)('allows %s → %s', (from, to) => {
    expect(checkLeadTransition(from, to)).toEqual({ ok: true });
  });

  it.each([
    ['NEW', 'CLOSED', 'Only a lead under contract can be closed'],
    ['CLOSED', 'NEW', 'A closed lead cannot change status'],
    ['DEAD', 'QUALIFIED', 'A dead lead can only be reopened as new or contacted'],
    ['NEW', 'UNDER_CONTRACT', 'A lead at New cannot move to Under contract'],
    ['NEW', 'NEW', 'The lead is already new'],
  ] as Array<[LeadStatus, LeadStatus, string]>)('refuses %s → %s: %s', (from, to, reason) => {
    expect(checkLeadTransition(from, to)).toEqual({ ok: false, reason });
  });

  it.each(['NEW', 'CONTACTED', 'QUALIFIED', 'OFFER_MADE', 'UNDER_CONTRACT'] as LeadStatus[])('lets an open %s lead die, with a reason only', (from) => {
    expect(checkLeadTransition(from, 'DEAD', 'NOT_MOTIVATED')).toEqual({ ok: true });
    expect(checkLeadTransition(from, 'DEAD')).toMatchObject({ ok: false, reason: expect.stringContaining('needs a reason') });
    expect(checkLeadTransition(from, 'DEAD', 'BORED')).toMatchObject({ ok: false });
  });

  it('knows every status', () => {
    expect(Object.keys(LEAD_TRANSITIONS).sort()).toEqual([...LEAD_STATUSES].sort());
  });
});
