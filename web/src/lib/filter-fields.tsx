import { useState, type FormEvent, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';

/** A choice of a select: its value and the words shown for it. */
export type Choice = readonly [value: string, text: string];

interface FilterFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
}

/** A labelled text box of a list's toolbar. */
export function FilterText({ id, label, value, onChange, placeholder, inputMode, wide = false }: FilterFieldProps & { placeholder?: string; inputMode?: 'numeric'; wide?: boolean }) {
  return (
    <div className={wide ? 'field field-wide' : 'field'}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input id={id} value={value} onChange={(event) => onChange(event.target.value)} placeholder={placeholder} inputMode={inputMode} />
    </div>
  );
}

/** A labelled select of a list's toolbar; "Any" (no filter) comes first unless `any` is false. */
export function FilterSelect({ id, label, value, onChange, choices, any = true }: FilterFieldProps & { choices: readonly Choice[]; any?: boolean }) {
  return (
    <div className="field">
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
 */
export function useUrlFilters(idPrefix: string) {
  const [params, setParams] = useSearchParams();
  const current = queryOf(params);
  const [draft, setDraft] = useState(current);
  // The URL changed under us (a saved view, back button): show its filters in the boxes.
  const [seen, setSeen] = useState(params.toString());
  if (seen !== params.toString()) {
    setSeen(params.toString());
    setDraft(current);
  }
  const apply = (next: Record<string, string>) => setParams(queryOf(new URLSearchParams(next)));
  return {
    params,
    /** The filters in the URL, empty ones left out. */
    current,
    draft,
    apply,
    /** Props of a text filter: typing changes the draft. */
    text: (name: string): Omit<FilterFieldProps, 'label'> => ({
      id: `${idPrefix}-${name}`,
      value: draft[name] ?? '',
      onChange: (value) => setDraft((old) => ({ ...old, [name]: value })),
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

/** The toolbar form around a list's filters, with "Apply" and, while any filter is set, "Clear". */
export function FilterForm({ filters, children }: { filters: ReturnType<typeof useUrlFilters>; children: ReactNode }) {
  return (
    <form className="toolbar" onSubmit={filters.submit} aria-label="Filters">
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
  );
}
