import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useEscape } from '../../lib/use-escape';
import { type DeadReason, type Lead, type LeadStatus } from '../../../../domain/leads/lead.schema';
import { DEAD_REASONS } from '../../../../domain/leads/lead-statuses';
import { checkLeadTransition, LEAD_TRANSITIONS } from '../../../../domain/leads/lead-status';
import { Options } from '../../lib/field';
import { optionLabel } from '../../lib/format';
import { changeLeadStatus } from './leads.api';

/** Buttons for exactly the moves the pipeline allows from here; DEAD first asks why. Disabled, with the reason, for who may not move the lead. */
export function LeadStatusControl({ lead, denied }: { lead: Lead; denied?: string }) {
  const queryClient = useQueryClient();
  const [askingReason, setAskingReason] = useState(false);
  const [reason, setReason] = useState<DeadReason | ''>('');
  useEscape(askingReason, useCallback(() => setAskingReason(false), []));
  const move = useMutation({
    mutationFn: ({ status, deadReason }: { status: LeadStatus; deadReason?: string }) => changeLeadStatus(lead.id, status, deadReason),
    onSuccess: (updated) => {
      setAskingReason(false);
      setReason('');
      queryClient.setQueryData(['leads', 'detail', lead.id], updated);
      void queryClient.invalidateQueries({ queryKey: ['leads'] });
    },
  });
  const moves = LEAD_TRANSITIONS[lead.status];
  const confirmDead = () => {
    const check = checkLeadTransition(lead.status, 'DEAD', reason);
    if (check.ok) move.mutate({ status: 'DEAD', deadReason: reason });
  };

  return (
    <div className="status-control" data-testid="status-control">
      {moves.length === 0 && <span className="muted">A closed lead is final.</span>}
      {moves.map((to) => (
        <button
          key={to}
          type="button"
          className={`button button-small ${to === 'DEAD' ? 'button-danger' : 'button-secondary'}`}
          disabled={move.isPending || denied !== undefined}
          title={denied}
          onClick={() => (to === 'DEAD' ? setAskingReason(true) : move.mutate({ status: to }))}
        >
          {to === 'DEAD' ? 'Mark dead' : `Move to ${optionLabel(to)}`}
        </button>
      ))}
      {askingReason && (
        <>
          <div className="field">
            <label className="field-label" htmlFor="dead-reason">
              Why is it dead?
            </label>
            <select id="dead-reason" value={reason} onChange={(event) => setReason(event.target.value as DeadReason)}>
              <option value="">Pick a reason…</option>
              <Options values={DEAD_REASONS} label={optionLabel} />
            </select>
          </div>
          <button type="button" className="button button-danger button-small" disabled={!reason || move.isPending} onClick={confirmDead}>
            Confirm dead
          </button>
          <button type="button" className="button button-secondary button-small" onClick={() => setAskingReason(false)}>
            Cancel
          </button>
        </>
      )}
      {move.isError && (
        <p className="alert alert-error" role="alert">
          {move.error.message}
        </p>
      )}
    </div>
  );
}
