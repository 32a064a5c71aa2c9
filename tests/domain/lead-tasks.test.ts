import { contactTaskFor, isContactMissed, overdueContactTaskFor } from '../../domain/leads/lead-tasks';
import { LEAD_STATUSES } from '../../domain/leads/lead.schema';

const lead = { id: 'lead1', sellerName: 'Maria Lopez', createdAt: new Date('2026-11-23T10:00:00Z') };

describe('contactTaskFor', () => {
  it('asks for a HIGH lead task due one contact deadline after the lead was created', () => {
    expect(contactTaskFor(lead, 3_600_000)).toEqual({
      automationKey: 'lead:lead1:contact',
      title: 'Contact lead within 1 hour',
      type: 'LEAD',
      priority: 'HIGH',
      dueAt: new Date('2026-11-23T11:00:00Z'),
    });
  });
});

describe('overdueContactTaskFor', () => {
  it('asks for a HIGH follow-up naming the seller, due when the deadline fired', () => {
    const firedAt = new Date('2026-11-23T11:00:00Z');
    expect(overdueContactTaskFor(lead, firedAt)).toEqual({
      automationKey: 'lead:lead1:contact-overdue',
      title: 'Overdue: contact Maria Lopez',
      type: 'FOLLOW_UP',
      priority: 'HIGH',
      dueAt: firedAt,
    });
  });
});

describe('isContactMissed', () => {
  it.each(LEAD_STATUSES.map((status) => [status, status === 'NEW'] as const))('a %s lead: %s', (status, missed) => {
    expect(isContactMissed({ status })).toBe(missed);
  });
});
