import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { LogCallBody } from '../../../../domain/calls/call.schema';
import { CALL_OUTCOME_LABELS } from '../../../../domain/labels/call-labels';
import { DEAD_REASONS } from '../../../../domain/leads/lead-statuses';
import { optionLabel } from '../../lib/format';
import { getLead } from '../leads/leads.api';
import { logCall } from './queue.api';
import './queue.css';
import './log-call-dialog.css';

type Step = 'outcome' | 'talked' | 'not-interested';
type Choice = { key: string; label: string; pick: () => void };

/**
 * "Log a call" for one lead, over its page (the palette's action): the queue's outcome picker,
 * keys included: 1 no answer, 2 voicemail, 3 talked (then 1 contacted or 2 qualified), 4 not
 * interested (then the reason's number), 5 wrong number; Escape backs out, then closes.
 */
export function LogCallDialog({ leadId, onClose }: { leadId: string; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const queryClient = useQueryClient();
  const lead = useQuery({ queryKey: ['leads', 'detail', leadId], queryFn: () => getLead(leadId) });
  const [step, setStep] = useState<Step>('outcome');
  const log = useMutation({
    mutationFn: (input: LogCallBody) => logCall(leadId, input),
    onSuccess: async () => {
      onClose();
      await Promise.all([queryClient.invalidateQueries({ queryKey: ['leads'] }), queryClient.invalidateQueries({ queryKey: ['queue'] })]);
    },
  });

  const choices: Choice[] =
    step === 'outcome'
      ? [
          { key: '1', label: CALL_OUTCOME_LABELS.NO_ANSWER, pick: () => log.mutate({ outcome: 'NO_ANSWER' }) },
          { key: '2', label: CALL_OUTCOME_LABELS.VOICEMAIL, pick: () => log.mutate({ outcome: 'VOICEMAIL' }) },
          { key: '3', label: CALL_OUTCOME_LABELS.TALKED, pick: () => setStep('talked') },
          { key: '4', label: CALL_OUTCOME_LABELS.NOT_INTERESTED, pick: () => setStep('not-interested') },
          { key: '5', label: CALL_OUTCOME_LABELS.WRONG_NUMBER, pick: () => log.mutate({ outcome: 'WRONG_NUMBER' }) },
        ]
      : step === 'talked'
        ? (['CONTACTED', 'QUALIFIED'] as const).map((status, index) => ({ key: String(index + 1), label: optionLabel(status), pick: () => log.mutate({ outcome: 'TALKED', status }) }))
        : DEAD_REASONS.map((reason, index) => ({ key: String(index + 1), label: optionLabel(reason), pick: () => log.mutate({ outcome: 'NOT_INTERESTED', reason }) }));

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || log.isPending) return;
    if (event.key === 'Escape') {
      // Escape backs out of a choice first; from the outcomes it closes (the dialog's own cancel).
      if (step !== 'outcome') {
        event.preventDefault();
        setStep('outcome');
      }
      return;
    }
    const choice = choices.find((candidate) => candidate.key === event.key);
    if (choice) {
      event.preventDefault();
      choice.pick();
    }
  };

  const name = lead.data?.sellerName;
  return (
    <dialog ref={dialog} className="dialog log-call-dialog" aria-label={name ? `Log a call with ${name}` : 'Log a call'} onCancel={onClose} onClose={onClose} onKeyDown={onKeyDown}>
      <div className="dialog-body">
        <header className="quick-create-head">
          <h2>{name ? `Log a call with ${name}` : 'Log a call'}</h2>
          <button type="button" className="button button-secondary button-small" onClick={onClose}>
            Close
          </button>
        </header>
        {lead.data?.sellerPhone && (
          <p>
            <a href={`tel:${lead.data.sellerPhone.replace(/[^\d+]/g, '')}`}>{lead.data.sellerPhone}</a>
          </p>
        )}
        <p className="muted small">{step === 'outcome' ? 'How did the call go?' : step === 'talked' ? 'Talked: where does the lead stand now?' : 'Not interested: why?'}</p>
        <div className="queue-actions" role="group" aria-label="Call outcome">
          {choices.map((choice) => (
            <button key={choice.key} type="button" className="button" disabled={log.isPending} onClick={choice.pick}>
              <kbd>{choice.key}</kbd> {choice.label}
            </button>
          ))}
          {step !== 'outcome' && (
            <button type="button" className="button button-secondary" onClick={() => setStep('outcome')}>
              <kbd>Esc</kbd> Back
            </button>
          )}
        </div>
        {log.isError && <p role="alert">{log.error instanceof Error ? log.error.message : 'The call was not logged.'}</p>}
      </div>
    </dialog>
  );
}
