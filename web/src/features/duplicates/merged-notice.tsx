import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../lib/api-client';
import type { RecordKind } from './duplicates.api';

/** On a merged lead's or buyer's page: where its work went. */
export function MergedNotice({ kind, mergedIntoId }: { kind: RecordKind; mergedIntoId: string }) {
  const path = `/${kind}s/${encodeURIComponent(mergedIntoId)}`;
  const survivor = useQuery({ queryKey: [`${kind}s`, 'detail', mergedIntoId], queryFn: () => api.get<{ sellerName?: string; name?: string }>(`/api${path}`) });
  const name = survivor.data?.sellerName ?? survivor.data?.name ?? `the ${kind} it was merged into`;
  return (
    <p className="alert alert-info" role="status" data-testid="merged-notice">
      <span>
        Merged into <Link to={path}>{name}</Link>: its tasks, offers, notes and documents are there now. This {kind} is archived.
      </span>
    </p>
  );
}
