import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Lead } from '../../../../domain/leads/lead.schema';
import { useDeniedReason } from '../auth/use-denied-reason';
import { useUserName, useUsers } from '../users/use-users';
import { updateLead } from './leads.api';

/** The lead's owner and, for a supervisor or an admin, "Reassign": the lead's open tasks move with it and both owners are told. */
export function LeadOwnerControl({ lead }: { lead: Lead }) {
  const queryClient = useQueryClient();
  const users = useUsers().data?.items ?? [];
  const nameOf = useUserName();
  const denied = useDeniedReason()('changeOwner', { type: 'lead', ownerId: lead.ownerId });
  const [ownerId, setOwnerId] = useState('');
  const reassign = useMutation({
    mutationFn: (next: string) => updateLead(lead.id, { ownerId: next }),
    onSuccess: () => {
      setOwnerId('');
      void queryClient.invalidateQueries({ queryKey: ['leads'] });
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
  return (
    <div className="owner-control" aria-label="Owner">
      <span>
        Owner: <strong data-testid="lead-owner">{nameOf(lead.ownerId)}</strong>
      </span>
      {denied === undefined && (
        <>
          <label className="field-label" htmlFor="lead-owner-pick">
            Reassign to
          </label>
          <select id="lead-owner-pick" value={ownerId} onChange={(event) => setOwnerId(event.target.value)}>
            <option value="">Choose…</option>
            {users
              .filter((user) => user.active && user.id !== lead.ownerId)
              .map((user) => (
                <option key={user.id} value={user.id}>
                  {user.name}
                </option>
              ))}
          </select>
          <button type="button" className="button button-secondary button-small" disabled={!ownerId || reassign.isPending} onClick={() => reassign.mutate(ownerId)}>
            Reassign
          </button>
        </>
      )}
      {reassign.isError && (
        <p className="alert alert-error" role="alert">
          {reassign.error.message}
        </p>
      )}
    </div>
  );
}
