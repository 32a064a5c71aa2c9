import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { parseMoney } from '../../../domain/money/parse-money';

/** A choice of a select: its value and the words shown for it. */
export type Choice = readonly [value: string, text: string];

interface FilterFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
}

interface FilterTextProps extends FilterFieldProps {
  placeholder?: string;
  inputMode?: 'numeric' | 'decimal';
  wide?: boolean;
  /** Why the typed filter was not applied ("Enter an amount like 95,000"). */
  error?: string;
}

/** A labelled text box of a list's toolbar. */
export function FilterText({ id, label, value, onChange, placeholder, inputMode, wide = false, error }: FilterTextProps) {
  const errorId = `${id}-error`;
  return (
    <div className={['field', wide ? 'field-wide' : '', error ? 'field-invalid' : ''].filter(Boolean).join(' ')}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type={wide ? 'search' : 'text'}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        placeholder={placeholder}
        inputMode={inputMode}
        enterKeyHint={wide ? 'search' : undefined}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? errorId : undefined}
      />
      {error && (
        <span id={errorId} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}

/** A labelled select of a list's toolbar; "Any" (no filter) comes first unless `any` is false; `wide` for long choices. */
export function FilterSelect({ id, label, value, onChange, choices, any = true, wide = false }: FilterFieldProps & { choices: readonly Choice[]; any?: boolean; wide?: boolean }) {
  return (
    <div className={wide ? 'field field-wide' : 'field'}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {any && <option value="">Any</option>}
        {choices.map(([choice, text]) => (
          <option key={choice} value={choice}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

const queryOf = (params: URLSearchParams): Record<string, string> => Object.fromEntries([...params.entries()].filter(([, value]) => value !== ''));

/**
 * A list's filters in the URL query, so a view can be shared or saved: text boxes fill a draft
 * that "Apply" (or Enter) writes to the URL; selects write it at once. `idPrefix` names the boxes.
 * `moneyNames` are amount boxes: "95k" is applied as 95000, and text that is not an amount is
 * refused at its box, with no request sent.
 */
export function useUrlFilters(idPrefix: string, moneyNames: readonly string[] = []) {
  const [params, setParams] = useSearchParams();
  const current = queryOf(params);
  const [draft, setDraft] = useState(current);
  const [refused, setRefused] = useState<Record<string, string>>({});
  // The URL changed under us (a saved view, back button): show its filters in the boxes.
  const [seen, setSeen] = useState(params.toString());
  if (seen !== params.toString()) {
    setSeen(params.toString());
    setDraft(current);
  }
  const apply = (next: Record<string, string>) => {
    const amounts: Record<string, string> = {};
    const problems: Record<string, string> = {};
    for (const name of moneyNames) {
      const parsed = parseMoney(next[name] ?? '');
      if (!parsed.ok) problems[name] = parsed.error;
      else amounts[name] = parsed.value === undefined ? '' : String(parsed.value);
    }
    setRefused(problems);
    if (Object.keys(problems).length === 0) setParams(queryOf(new URLSearchParams({ ...next, ...amounts })));
  };
  return {
    params,
    /** The filters in the URL, empty ones left out. */
    current,
    draft,
    apply,
    /** Props of a text filter: typing changes the draft. */
    text: (name: string): Omit<FilterTextProps, 'label'> => ({
      id: `${idPrefix}-${name}`,
      value: draft[name] ?? '',
      onChange: (value) => setDraft((old) => ({ ...old, [name]: value })),
      ...(moneyNames.includes(name) && { inputMode: 'decimal', placeholder: '95,000', error: refused[name] }),
    }),
    /** Props of a select filter: a choice applies the draft with it. */
    select: (name: string): Omit<FilterFieldProps, 'label'> => ({
      id: `${idPrefix}-${name}`,
      value: draft[name] ?? '',
      onChange: (value) => apply({ ...draft, [name]: value }),
    }),
    submit: (event: FormEvent) => {
      event.preventDefault();
      apply(draft);
    },
  };
}

interface SheetToggleProps {
  open: boolean;
  /** How many filters are set; shown on the button while the sheet is shut. */
  active: number;
  controls: string;
  onToggle: () => void;
}

/** The "Filters" button that opens and shuts a list's filters on a phone (hidden on wider screens). */
function SheetToggle({ open, active, controls, onToggle }: SheetToggleProps) {
  return (
    <button type="button" className="button button-secondary filter-toggle" aria-expanded={open} aria-controls={controls} onClick={onToggle}>
      <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
        <path d="M3.5 5h13M6 10h8M8.5 15h3" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      </svg>
      Filters
      {active > 0 && <span className="pill">{active} set</span>}
    </button>
  );
}

/**
 * A list's filters that on a phone (≤ 800 px) fold behind a "Filters" button and open as a sheet
 * above the list; on wider screens they are always shown. `children` is the toolbar itself.
 */
export function FilterSheet({ active, children }: { active: number; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="filter-sheet" data-open={open}>
      <SheetToggle open={open} active={active} controls={id} onToggle={() => setOpen(!open)} />
      <div id={id} className="filter-sheet-body">
        {children}
      </div>
    </div>
  );
}

/** The toolbar form around a list's filters, with "Apply" and, while any filter is set, "Clear"; a sheet on phones. */
export function FilterForm({ filters, children }: { filters: ReturnType<typeof useUrlFilters>; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const active = Object.keys(filters.current).filter((name) => name !== 'sort').length;
  return (
    <div className="filter-sheet" data-open={open}>
      <SheetToggle open={open} active={active} controls={id} onToggle={() => setOpen(!open)} />
      <form
        id={id}
        className="toolbar filter-sheet-body"
        aria-label="Filters"
        onSubmit={(event) => {
          filters.submit(event);
          // On a phone the list shows again once the filters are applied.
          setOpen(false);
        }}
      >
        {children}
        <button type="submit" className="button button-primary">
          Apply
        </button>
        {Object.keys(filters.current).length > 0 && (
          <button type="button" className="button button-secondary" onClick={() => filters.apply({})}>
            Clear
          </button>
        )}
      </form>
    </div>
  );
}
