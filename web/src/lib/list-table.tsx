import type { ComponentProps, ReactNode } from 'react';

/**
 * A list's table in its scrolling frame. On phones (≤ 800 px, styles.css) each row is a card:
 * every cell shows its `data-label` above its value, and a cell without one (the row's title)
 * spans the card; the header keeps only its sort buttons and checkboxes, as a row of chips.
 */
export function ListTable({ className, ...table }: ComponentProps<'table'>) {
  return (
    <div className="table-wrap list-table-wrap">
      <table className={['data-table', 'list-table', className].filter(Boolean).join(' ')} {...table} />
    </div>
  );
}

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
