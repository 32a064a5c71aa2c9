import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DealMath } from '../leads/deal-math';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { LogCallBody } from '../../../../domain/calls/call.schema';
import type { DeadReason } from '../../../../domain/leads/lead.schema';
import { DEAD_REASONS } from '../../../../domain/leads/lead-statuses';
import { optionLabel } from '../../lib/format';
import { HistoryTimeline } from '../history/history-timeline';
import { NotesPanel } from '../notes/notes-panel';
import { getCallQueue, logCall } from './queue.api';
import './queue.css';

type Step = 'outcome' | 'talked' | 'not-interested';

const OUTCOME_KEYS: Array<[string, string, LogCallBody['outcome'] | 'talked' | 'not-interested']> = [
  ['1', 'No answer', 'NO_ANSWER'],
  ['2', 'Left voicemail', 'VOICEMAIL'],
  ['3', 'Talked', 'talked'],
  ['4', 'Not interested', 'not-interested'],
  ['5', 'Wrong number', 'WRONG_NUMBER'],
];
const TALKED_KEYS: Array<[string, 'CONTACTED' | 'QUALIFIED']> = [
  ['1', 'CONTACTED'],
  ['2', 'QUALIFIED'],
];

/** Typing in a field (a note) is not a shortcut. */
const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * "My calls": the caller's queue one lead at a time, worked from the keyboard: 1 no answer,
 * 2 voicemail, 3 talked (then 1 contacted or 2 qualified), 4 not interested (then the reason's
 * number), 5 wrong number, n a note, s skip; Escape backs out of a choice.
 */
export function QueuePage() {
  const queryClient = useQueryClient();
  const queue = useQuery({ queryKey: ['queue'], queryFn: getCallQueue });
  const [skipped, setSkipped] = useState<string[]>([]);
  const [step, setStep] = useState<Step>('outcome');
  const [done, setDone] = useState(0);
  const remaining = queue.data?.items.filter((item) => !skipped.includes(item.lead.id)) ?? [];
  // The lead on screen stays there while live changes refresh the queue around it (a teammate's new
  // lead may rank first mid-call, and keys typed for this lead must not land on another); the next
  // lead is chosen once this one is logged or skipped, or has left the queue.
  const [onScreenId, setOnScreenId] = useState<string | null>(null);
  const current = remaining.find((item) => item.lead.id === onScreenId) ?? remaining[0];
  const lead = current?.lead;
  if (lead && lead.id !== onScreenId) setOnScreenId(lead.id);

  // Keys pressed while a call is being saved, for the next lead: a fast typist loses none.
  const typedAhead = useRef<string[]>([]);

  const log = useMutation({
    mutationFn: ({ leadId, ...input }: LogCallBody & { leadId: string }) => logCall(leadId, input),
    // Keys typed for the next lead do not belong to this one, which stays on screen.
    onError: () => {
      typedAhead.current = [];
    },
    onSuccess: async (call) => {
      // Called this session: the next lead shows at once, whatever the workflow has written yet.
      setSkipped((ids) => [...ids, call.leadId]);
      setStep('outcome');
      setDone((count) => count + 1);
      await queryClient.invalidateQueries({ queryKey: ['queue'] });
    },
  });

  const save = (input: LogCallBody) => {
    if (lead) log.mutate({ leadId: lead.id, ...input });
  };
  const choose = (choice: (typeof OUTCOME_KEYS)[number][2]) => {
    if (choice === 'talked' || choice === 'not-interested') setStep(choice);
    else save({ outcome: choice });
  };
  const skip = () => {
    if (!lead) return;
    setSkipped((ids) => [...ids, lead.id]);
    setStep('outcome');
  };

  const noteField = () => document.querySelector<HTMLTextAreaElement>('.queue-notes textarea');
  // The bar's Note button: the field is further down the page, under the bar, so it comes to the middle.
  const focusNote = () => {
    noteField()?.focus({ preventScroll: true });
    noteField()?.scrollIntoView({ block: 'center' });
  };

  /** Acts on a shortcut key for the lead on screen; false when the key means nothing here. */
  const actOnKey = (key: string): boolean => {
    if (key === 'escape' && step !== 'outcome') {
      setStep('outcome');
    } else if (step === 'outcome') {
      const outcome = OUTCOME_KEYS.find(([k]) => k === key);
      if (outcome) choose(outcome[2]);
      else if (key === 's') skip();
      else if (key === 'n') noteField()?.focus();
      else return false;
    } else if (step === 'talked') {
      const status = TALKED_KEYS.find(([k]) => k === key);
      if (!status) return false;
      save({ outcome: 'TALKED', status: status[1] });
    } else {
      const reason = DEAD_REASONS[Number(key) - 1];
      if (!reason) return false;
      save({ outcome: 'NOT_INTERESTED', reason });
    }
    return true;
  };

  // Once the save is done and the next lead is on screen, the keys typed meanwhile act on it, one per render.
  useEffect(() => {
    while (lead && !log.isPending && typedAhead.current.length > 0) {
      const key = typedAhead.current.shift()!;
      if (!actOnKey(key)) continue;
      // After "n" the typist is writing a note: what they typed ahead is not for the buttons.
      if (key === 'n') typedAhead.current = [];
      return;
    }
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!lead || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const key = event.key.toLowerCase();
      if (log.isPending || typedAhead.current.length > 0) {
        if (key.length !== 1 && key !== 'escape') return;
        typedAhead.current.push(key);
      } else if (!actOnKey(key)) {
        return;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <div className="page queue-page">
      <header className="page-header">
        <h1>My calls</h1>
        <p className="muted small" aria-live="polite">
          {queue.data ? `${remaining.length} to call · ${done} logged` : ''}
        </p>
      </header>
      {queue.isPending && <p className="muted">Loading your calls…</p>}
      {queue.isError && <p role="alert">Your calls could not be loaded.</p>}
      {queue.isSuccess && !current && <p className="card empty-queue">No one left to call. Nicely done.</p>}
      {current && lead && (
        <div className="queue-grid">
          <section className="card queue-lead" aria-labelledby="queue-lead-name">
            <p className="queue-why" data-testid="queue-why">{current.why}</p>
            <h2 id="queue-lead-name">
              <Link to={`/leads/${lead.id}`}>{lead.sellerName}</Link>
            </h2>
            <p className="queue-phone">
              {lead.sellerPhone ? (
                <a href={`tel:${lead.sellerPhone.replace(/[^\d+]/g, '')}`}>
                  <svg className="queue-phone-icon" viewBox="0 0 20 20" width="22" height="22" aria-hidden="true">
                    <path d="M5.5 2.5h2.7l1.3 4-2 1.4a10.5 10.5 0 0 0 4.6 4.6l1.4-2 4 1.3v2.7a1.5 1.5 0 0 1-1.5 1.5A14.5 14.5 0 0 1 4 4a1.5 1.5 0 0 1 1.5-1.5Z" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
                  </svg>
                  {lead.sellerPhone}
                </a>
              ) : (
                <span className="muted">No phone number</span>
              )}
            </p>
            <p>
              {lead.street}, {lead.city}, {lead.state} {lead.zip}
            </p>
            <p className="muted small">
              {[
                optionLabel(lead.propertyType),
                lead.beds != null || lead.baths != null ? `${lead.beds ?? '—'} bd / ${lead.baths ?? '—'} ba` : null,
                lead.sqft != null ? `${lead.sqft.toLocaleString()} sq ft` : null,
                optionLabel(lead.status),
                optionLabel(lead.source),
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
            <p className="queue-score" data-testid="queue-score">
              Score {current.score}
              {current.reasons.length > 0 && `: ${current.reasons.join(', ')}`}
            </p>
            <DealMath lead={lead} />
            <div className="queue-actions" role="group" aria-label="Call outcome">
              {step === 'outcome' &&
                OUTCOME_KEYS.map(([key, label, choice]) => (
                  <button key={key} type="button" className={Number(key) >= 4 ? 'button queue-wide' : 'button'} disabled={log.isPending} onClick={() => choose(choice)}>
                    <kbd>{key}</kbd> {label}
                  </button>
                ))}
              {/* On a phone, where there is no "n" key, the bar has a Note button; the desktop keeps its hint below. */}
              {step === 'outcome' && (
                <button type="button" className="button secondary queue-wide queue-note-button" onClick={focusNote}>
                  Note
                </button>
              )}
              {step === 'outcome' && (
                <button type="button" className="button secondary queue-wide" onClick={skip}>
                  <kbd>s</kbd> Skip
                </button>
              )}
              {step === 'talked' &&
                TALKED_KEYS.map(([key, status]) => (
                  <button key={key} type="button" className="button" disabled={log.isPending} onClick={() => save({ outcome: 'TALKED', status })}>
                    <kbd>{key}</kbd> {optionLabel(status)}
                  </button>
                ))}
              {step === 'not-interested' &&
                DEAD_REASONS.map((reason: DeadReason, index) => (
                  <button key={reason} type="button" className="button" disabled={log.isPending} onClick={() => save({ outcome: 'NOT_INTERESTED', reason })}>
                    <kbd>{index + 1}</kbd> {optionLabel(reason)}
                  </button>
                ))}
              {step !== 'outcome' && (
                <button type="button" className="button secondary" onClick={() => setStep('outcome')}>
                  <kbd>Esc</kbd> Back
                </button>
              )}
            </div>
            {step === 'talked' && <p className="muted small">Talked: where does the lead stand now?</p>}
            {step === 'not-interested' && <p className="muted small">Not interested: why?</p>}
            {log.isError && <p role="alert">{log.error instanceof Error ? log.error.message : 'The call was not logged.'}</p>}
            <p className="muted small queue-note-hint">
              <kbd>n</kbd> adds a note
            </p>
          </section>
          <div className="stack">
            <div className="queue-notes">
              <NotesPanel key={lead.id} subject={{ leadId: lead.id }} />
            </div>
            <HistoryTimeline key={lead.id} entityType="lead" id={lead.id} />
          </div>
        </div>
      )}
    </div>
  );
}
