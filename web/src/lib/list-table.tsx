import type { ReactNode } from 'react';

/** A table row that says why there are no rows: loading, or nothing matches. */
export function TableMessage({ columns, children }: { columns: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={columns} className="empty">
        {children}
      </td>
    </tr>
  );
}

interface MoreRows {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** The card footer of a cursor list (`useCursorList`) while it has more pages. */
export function LoadMore({ list }: { list: MoreRows }) {
  if (!list.hasNextPage) return null;
  return (
    <footer className="card-footer">
      <button type="button" className="button button-secondary" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
        {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
      </button>
    </footer>
  );
}
