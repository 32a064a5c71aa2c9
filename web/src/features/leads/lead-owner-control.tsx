import { ReassignPicker } from '../users/reassign-picker';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Lead } from '../../../../domain/leads/lead.schema';
import { useDeniedReason } from '../auth/use-denied-reason';
import { useUserName } from '../users/use-users';
import { updateLead } from './leads.api';

/** The lead's owner and, for a supervisor or an admin, "Reassign": the lead's open tasks move with it and both owners are told. */
export function LeadOwnerControl({ lead }: { lead: Lead }) {
  const queryClient = useQueryClient();
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
          <ReassignPicker id="lead-owner-pick" value={ownerId} onChange={setOwnerId} onReassign={(next) => reassign.mutate(next)} pending={reassign.isPending} excludeId={lead.ownerId} />
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
