import { Link } from 'react-router';
import { IMPORT_FIELDS, type ImportField } from '../../../../domain/imports/import-fields';
import { IMPORT_FIELD_LABELS } from '../../../../domain/labels/import-labels';
import type { ImportDuplicate } from '../../../../domain/imports/duplicate-rows';
import { money, optionLabel } from '../../lib/format';
import { ListTable, TableMessage } from '../../lib/list-table';
import type { ImportMapping, ImportPreview } from './imports.api';

const FIRST_VALUE_CHARS = 40;

/** Each CSV column with what it becomes (a select of lead fields, or "Ignore") and its first row's value. */
export function MappingTable({ headers, mapping, firstRow, onChange }: { headers: string[]; mapping: ImportMapping; firstRow?: Record<string, string>; onChange: (column: string, field: ImportField | null) => void }) {
  return (
    <ListTable className="import-mapping" aria-label="Column mapping" data-testid="import-mapping">
      <thead>
        <tr>
          <th>Column in the file</th>
          <th>Imports as</th>
          <th>First row</th>
        </tr>
      </thead>
      <tbody>
        {headers.map((header) => {
          const value = firstRow?.[header] ?? '';
          return (
            <tr key={header} data-testid="mapping-row">
              <td className="cell-title import-column-name">{header}</td>
              <td data-label="Imports as" className="import-target">
                <select
                  className="import-field-select"
                  aria-label={`${header} imports as`}
                  value={mapping[header] ?? ''}
                  onChange={(event) => onChange(header, (event.target.value || null) as ImportField | null)}
                >
                  <option value="">Ignore this column</option>
                  {IMPORT_FIELDS.map((field) => (
                    <option key={field} value={field}>
                      {IMPORT_FIELD_LABELS[field]}
                    </option>
                  ))}
                </select>
              </td>
              <td data-label="First row" className="cell-wrap muted import-first-value" title={value}>
                {value.length > FIRST_VALUE_CHARS ? `${value.slice(0, FIRST_VALUE_CHARS)}…` : value || '—'}
              </td>
            </tr>
          );
        })}
      </tbody>
    </ListTable>
  );
}

const orDash = (value: string | number | null | undefined): string => (value === null || value === undefined || value === '' ? '—' : String(value));

/** Why the import will count a row as a duplicate (skipped, or filling the lead's empty fields, as chosen below). */
function DuplicateNote({ duplicateOf }: { duplicateOf: ImportDuplicate }) {
  return (
    <span className="import-sample-duplicate-note" data-testid="sample-duplicate">
      {duplicateOf.leadId ? (
        <>
          Duplicate: already a <Link to={`/leads/${duplicateOf.leadId}`} target="_blank" rel="noreferrer">lead</Link>
        </>
      ) : (
        `Duplicate of row ${duplicateOf.rowNumber}`
      )}
    </span>
  );
}

/** The first rows of the file as they will be imported, or why a row will not be. */
export function SampleTable({ sample }: { sample: ImportPreview['sample'] }) {
  return (
    <ListTable aria-label="The first rows as they will be imported" data-testid="import-sample">
      <thead>
        <tr>
          <th>Row</th>
          <th>Property</th>
          <th>Seller</th>
          <th>Phone</th>
          <th>Type</th>
          <th>Beds / baths</th>
          <th className="num">ARV</th>
          <th>Tags</th>
        </tr>
      </thead>
      <tbody>
        {sample.length === 0 && <TableMessage columns={8}>No rows under the header.</TableMessage>}
        {sample.map(({ rowNumber, lead, error, duplicateOf }) => (
          <tr key={rowNumber} data-testid="sample-row" className={error ? 'import-sample-bad' : duplicateOf ? 'import-sample-duplicate' : undefined}>
            <td data-label="Row">{rowNumber}</td>
            {lead ? (
              <>
                <td className="cell-title cell-wrap">
                  <span className="import-sample-street">{lead.street}</span>
                  <span className="muted">
                    {' '}
                    {lead.city}, {lead.state} {lead.zip}
                    {lead.zipPlus4 ? `-${lead.zipPlus4}` : ''}
                  </span>
                  {duplicateOf && <DuplicateNote duplicateOf={duplicateOf} />}
                </td>
                <td data-label="Seller" className="cell-wrap">
                  {lead.sellerName}
                </td>
                <td data-label="Phone">{orDash(lead.sellerPhone)}</td>
                <td data-label="Type">{optionLabel(lead.propertyType)}</td>
                <td data-label="Beds / baths">
                  {orDash(lead.beds)} / {orDash(lead.baths)}
                </td>
                <td data-label="ARV" className="num">
                  {lead.arv === null ? '—' : money(lead.arv)}
                </td>
                <td data-label="Tags" className="cell-wrap">
                  {lead.tags.join(', ') || '—'}
                </td>
              </>
            ) : (
              <td colSpan={7} className="cell-wrap import-sample-error">
                Not imported: {error}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </ListTable>
  );
}
