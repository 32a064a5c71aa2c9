import type { TaskType } from '../../domain/tasks/task.schema';
import { formatDuration } from '../../domain/settings/settings.schema';
import { findMentionedUsers } from '../../domain/notes/mentions';
import { expiryReminderTaskFor } from '../../domain/tasks/expiry-reminders';
import { monthlyReviewTaskFor } from '../../domain/tasks/monthly-review';
import {
  completionMetrics,
  completionVerifiesProofOfFunds,
  getsOverdueFollowUp,
  isLeadContactTask,
  isOverdueFollowUp,
  withoutOverduePrefix,
  leadStatusImpliedByCompletion,
  overdueFollowUpTaskFor,
} from '../../domain/tasks/task-automation';

const base = { id: 't1', title: 'Call back', type: 'FOLLOW_UP' as const, automationKey: null as string | null };

describe('task automation rules', () => {
  it('knows a lead contact task, first run or reopened, and its overdue follow-up', () => {
    expect(isLeadContactTask('lead:l1:contact')).toBe(true);
    expect(isLeadContactTask('lead:l1:run-9:s3:contact')).toBe(true);
    expect(isLeadContactTask('lead:l1:contact-overdue')).toBe(true);
    expect(isLeadContactTask('lead:l1:run-9:s1:visit')).toBe(false);
    expect(isLeadContactTask(null)).toBe(false);
  });

  it('moves the lead to CONTACTED only when its contact task completes', () => {
    expect(leadStatusImpliedByCompletion({ ...base, leadId: 'l1', automationKey: 'lead:l1:contact' })).toBe('CONTACTED');
    expect(leadStatusImpliedByCompletion({ ...base, leadId: 'l1', automationKey: 'lead:l1:s1:visit' })).toBeNull();
    expect(leadStatusImpliedByCompletion({ ...base, leadId: null, automationKey: 'lead:l1:contact' })).toBeNull();
    expect(completionVerifiesProofOfFunds({ ...base, buyerId: 'b1', automationKey: 'buyer:b1:verify-pof' })).toBe(true);
    expect(completionVerifiesProofOfFunds({ ...base, buyerId: 'b1', automationKey: null })).toBe(false);
  });

  it('gives overdue follow-ups to ordinary tasks but never chains them', () => {
    expect(getsOverdueFollowUp(base)).toBe(true);
    expect(getsOverdueFollowUp({ ...base, type: 'SYSTEM' })).toBe(false);
    expect(getsOverdueFollowUp({ ...base, automationKey: 'lead:l1:contact' })).toBe(false);
    const dueAt = new Date('2026-11-20T10:00:00Z');
    expect(overdueFollowUpTaskFor({ ...base, dueAt }, new Date('2026-11-20T10:00:01Z'))).toEqual({
      automationKey: 'task:t1:overdue:2026-11-20T10:00:00.000Z',
      title: 'Overdue follow-up for Call back',
      type: 'SYSTEM',
      priority: 'HIGH',
      dueAt: new Date('2026-11-20T10:00:01Z'),
    });
  });

  it.each<[string, { id: string; title: string; type: TaskType; automationKey: string | null }, boolean]>([
    ['an ordinary task', base, true],
    ['a lead follow-up ("Follow up with lead in 3 days")', { ...base, automationKey: 'lead:l1:run-1:s2:follow-up' }, true],
    ['an offer task', { ...base, type: 'OFFER', automationKey: 'offer:o1:s1:follow-up' }, true],
    ['a system task', { ...base, type: 'SYSTEM' }, false],
    ['an overdue follow-up, whatever its type', { ...base, title: 'Overdue follow-up for Call back', automationKey: 'task:t0:overdue:2026-11-20T10:00:00.000Z' }, false],
    ['a lead\'s "Overdue: contact" follow-up', { ...base, title: 'Overdue: contact Ann', automationKey: 'lead:l1:contact-overdue' }, false],
    ['a lead\'s contact task', { ...base, type: 'LEAD', automationKey: 'lead:l1:contact' }, false],
  ])('overdue follow-up for %s: %s', (_case, task, expected) => {
    expect(getsOverdueFollowUp(task)).toBe(expected);
  });

  it.each([
    ['task:t0:overdue:2026-11-20T10:00:00.000Z', true],
    ['lead:l1:contact-overdue', true],
    ['lead:l1:contact', false],
    ['offer:o1:s1:follow-up', false],
    [null, false],
  ])('knows an overdue follow-up by its key %s', (automationKey, expected) => {
    expect(isOverdueFollowUp({ automationKey })).toBe(expected);
  });

  it.each([
    ['Overdue: contact Robert King', 'contact Robert King'],
    ['Overdue: Overdue: contact Robert King', 'contact Robert King'],
    ['Overdue follow-up for Send the contract', 'Send the contract'],
    ['overdue follow-up for Overdue: contact Ann', 'contact Ann'],
    ['Send the contract', 'Send the contract'],
    ['Overdue invoices review', 'Overdue invoices review'],
  ])('%s without its overdue prefixes is %s', (title, expected) => {
    expect(withoutOverduePrefix(title)).toBe(expected);
  });

  it('titles the follow-up of an "Overdue: contact" task without a second Overdue', () => {
    const task = { ...base, title: 'Overdue: contact Robert King', dueAt: new Date('2026-11-30T16:15:47.100Z') };
    expect(overdueFollowUpTaskFor(task, new Date('2026-11-30T16:15:48.500Z')).title).toBe('Overdue follow-up for contact Robert King');
  });

  it('logs whether a completion was on time and how long it took', () => {
    const task = { createdAt: new Date('2026-11-20T10:00:00Z'), dueAt: new Date('2026-11-20T11:00:00Z') };
    expect(completionMetrics(task, new Date('2026-11-20T10:45:00Z'))).toEqual({ onTime: true, minutesToComplete: 45 });
    expect(completionMetrics(task, new Date('2026-11-20T11:00:00Z'))).toEqual({ onTime: true, minutesToComplete: 60 });
    expect(completionMetrics(task, new Date('2026-11-20T12:30:00Z'))).toEqual({ onTime: false, minutesToComplete: 150 });
  });

  it('words expiry reminders and monthly reviews', () => {
    const expiresAt = new Date('2026-12-10T00:00:00Z');
    expect(expiryReminderTaskFor({ key: 'offer:o1', kind: 'offer', name: 'Maria Lopez' }, expiresAt, 7)).toEqual({
      automationKey: 'offer:o1:expiry:2026-12-10T00:00:00.000Z:7d',
      title: 'Renew or act on expiring offer: Maria Lopez (7 days left)',
      type: 'OFFER',
      priority: 'HIGH',
      dueAt: expiresAt,
    });
    expect(expiryReminderTaskFor({ key: 'document:d1', kind: 'document', name: 'psa.pdf' }, expiresAt, 1).title).toBe('Renew or act on expiring document: psa.pdf (1 day left)');
    const review = monthlyReviewTaskFor({ id: 'u1', name: 'Ann Agent' }, new Date('2026-12-01T08:00:00Z'), 7 * 86_400_000);
    expect(review).toEqual({
      automationKey: 'review:2026-12:u1',
      title: 'Monthly performance review: Ann Agent (2026-12)',
      type: 'ADMIN',
      priority: 'MEDIUM',
      dueAt: new Date('2026-12-08T08:00:00Z'),
    });
  });
});

describe('mentions', () => {
  const users = [
    { id: 'u1', name: 'Dana Diaz', email: 'dana@flipstackk.test' },
    { id: 'u2', name: 'Sam Supervisor', email: 'supervisor@flipstackk.test' },
  ];
  it.each([
    ['ping @dana', ['u1']],
    ['@Dana.Diaz and @supervisor, see this', ['u1', 'u2']],
    ['@samsupervisor.', ['u2']],
    ['mail dana@flipstackk.test', []],
    ['no mentions here', []],
    ['@nobody', []],
    ['@Sam, have a look', ['u2']],
  ])('%s → %p', (body, ids) => {
    expect(findMentionedUsers(body, users).map((user) => user.id)).toEqual(ids);
  });

  it('takes a first name alone only when one user has it', () => {
    const team = [...users, { id: 'u3', name: 'Dana Dunn', email: 'dunn@flipstackk.test' }, { id: 'u4', name: 'Avery Agent', email: 'agent@flipstackk.test' }];
    expect(findMentionedUsers('@Avery can you call?', team).map((user) => user.id)).toEqual(['u4']);
    // Two Danas: "@Dana" names neither (the e-mail handle @dana still names Dana Diaz).
    expect(findMentionedUsers('@Dana.Dunn please', team).map((user) => user.id)).toEqual(['u3']);
    expect(findMentionedUsers('hi @danadunn', team).map((user) => user.id)).toEqual(['u3']);
    expect(findMentionedUsers('@dana', team).map((user) => user.id)).toEqual(['u1']);
  });
});

describe('formatDuration', () => {
  it.each([
    [3_600_000, '1h'],
    [3 * 86_400_000, '3d'],
    [90 * 60_000, '90m'],
    [5_000, '5s'],
    [250, '250ms'],
  ])('%d → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
