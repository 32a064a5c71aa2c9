import { useInfiniteQuery } from '@tanstack/react-query';
import type { Page } from '../../../domain/pagination';

/**
 * A list read page by page: `request` is the list's query string, `cursor` is added for the
 * pages after the first. `rows` are every item loaded so far; `fetchNextPage` loads more.
 */
export function useCursorList<Item>(entity: string, request: URLSearchParams, fetchPage: (params: URLSearchParams) => Promise<Page<Item>>) {
  const list = useInfiniteQuery({
    queryKey: [entity, 'list', request.toString()],
    queryFn: ({ pageParam }) => {
      const page = new URLSearchParams(request);
      if (pageParam) page.set('cursor', pageParam);
      return fetchPage(page);
    },
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  return { list, rows: list.data?.pages.flatMap((page) => page.items) ?? [] };
}
