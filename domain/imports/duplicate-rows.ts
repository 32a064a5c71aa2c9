/** What an import row duplicates: a live lead with its address key, or the earlier row of the file the import creates. */
export type ImportDuplicate = { rowNumber: null; leadId: string } | { rowNumber: number; leadId: null };

/**
 * The import's duplicate rule over rows in file order, given each row's address key (null for a
 * row that is not imported) and the live lead (not archived) that has a key, if any. A live lead
 * comes first; else the first earlier row with the key. Both the import's batch write and its
 * preview use it, so the preview counts rows as the import will.
 */
export function findImportDuplicates(rows: ReadonlyArray<{ rowNumber: number; key: string | null }>, liveLeadId: (key: string) => string | undefined): Array<ImportDuplicate | null> {
  const firstRow = new Map<string, number>();
  return rows.map(({ rowNumber, key }) => {
    if (key === null) return null;
    const leadId = liveLeadId(key);
    if (leadId !== undefined) return { rowNumber: null, leadId };
    const earlier = firstRow.get(key);
    if (earlier !== undefined) return { rowNumber: earlier, leadId: null };
    firstRow.set(key, rowNumber);
    return null;
  });
}
