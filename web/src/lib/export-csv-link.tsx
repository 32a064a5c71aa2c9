/**
 * "Export CSV": the list's own request (filters, sort, view) sent to its `export.csv` twin. A plain
 * link, so the browser streams the file to disk however many rows the list has.
 */
export function ExportCsvLink({ path, request }: { path: string; request: URLSearchParams }) {
  const query = new URLSearchParams(request);
  for (const paging of ['limit', 'cursor', 'fields']) query.delete(paging);
  return (
    <a className="button button-secondary" href={`${path}?${query.toString()}`} download data-testid="export-csv">
      Export CSV
    </a>
  );
}
