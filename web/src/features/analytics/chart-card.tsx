import { useId, useState, type ReactNode } from 'react';
import { tableToCsv, type CsvColumn } from '../../lib/csv';
import { hasChartData } from './has-chart-data';

export type Column<Row> = CsvColumn<Row>;

/** Offers `rows` as a CSV file named after the chart. */
function downloadCsv<Row extends object>(name: string, rows: Row[], columns: Column<Row>[]): void {
  const csv = tableToCsv(rows, columns);
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.csv` });
  link.click();
  URL.revokeObjectURL(url);
}

/** A chart with its numbers one click away: as an accessible table, and as a CSV download. */
export function ChartCard<Row extends object>({ title, rows, columns, children, summary }: { title: string; rows: Row[]; columns: Column<Row>[]; children: ReactNode; summary?: ReactNode }) {
  const [asTable, setAsTable] = useState(false);
  const titleId = useId();
  return (
    <section className="card chart-card" aria-labelledby={titleId}>
      <header className="card-header">
        <h2 id={titleId}>{title}</h2>
        <div className="header-actions">
          <button type="button" className="button button-secondary button-small" aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>
            {asTable ? 'Show chart' : 'Show table'}
          </button>
          <button type="button" className="button button-secondary button-small" onClick={() => downloadCsv(title, rows, columns)}>
            Download CSV
          </button>
        </div>
      </header>
      {summary && <div className="chart-summary">{summary}</div>}
      {!hasChartData(rows) ? (
        <p className="empty">Nothing to chart in this range yet.</p>
      ) : asTable ? (
        <div className="table-wrap">
          <table className="data-table" aria-label={title}>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column.key}>{column.label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={index}>
                  {columns.map((column) => (
                    <td key={column.key}>{column.format ? column.format(row[column.key]) : String(row[column.key] ?? '—')}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <div className="chart-body">{children}</div>
      )}
    </section>
  );
}
