import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { searchRecords } from './search.api';

const DEBOUNCE_MS = 150;

/** Search results for what is typed, asked once typing pauses; the last results stay while the next load. */
export function useSearch(text: string) {
  const [q, setQ] = useState(text.trim());
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const query = useQuery({
    queryKey: ['search', q],
    queryFn: () => searchRecords(q),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
  return { ...query, q, settled: q === text.trim() && !query.isFetching };
}
