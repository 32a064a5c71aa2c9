import { useId, type ComponentProps, type ReactNode } from 'react';
import { isFieldError } from './apply-server-errors';
import { optionLabel } from './format';

export interface FieldControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

interface FieldProps {
  label: string;
  /**
   * The problem as the shared schemas word it ("is required"); shown as "<label> is required".
   * A whole sentence ("Enter an amount like 95,000", capitalised) is shown as it is.
   */
  error?: string;
  hint?: string;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}

/** A labelled form control with its inline error, wired up for screen readers. */
export function Field({ label, error, hint, className, children }: FieldProps) {
  const id = useId();
  const noteId = `${id}-note`;
  const note = error ? (/^[A-Z]/.test(error) ? error : `${label} ${error}`) : hint;
  return (
    <div className={['field', error ? 'field-invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': note ? noteId : undefined })}
      {note && (
        <span id={noteId} className={error ? 'field-error' : 'field-hint'}>
          {note}
        </span>
      )}
    </div>
  );
}

/** The `<option>`s of a select, one per value, in a wholesaler's words unless `label` says otherwise. */
export function Options({ values, label = optionLabel }: { values: readonly string[]; label?: (value: string) => string }) {
  return values.map((value) => (
    <option key={value} value={value}>
      {label(value)}
    </option>
  ));
}

type SelectFieldProps = Omit<FieldProps, 'children'> & ComponentProps<'select'> & { values: readonly string[]; optionText?: (value: string) => string };

/** A labelled select of fixed choices; spread a form library's `register(name)` onto it. */
export function SelectField({ label, error, hint, className, values, optionText, ...select }: SelectFieldProps) {
  return (
    <Field label={label} error={error} hint={hint} className={className}>
      {(control) => (
        <select {...control} {...select}>
          <Options values={values} label={optionText} />
        </select>
      )}
    </Field>
  );
}

interface FormActionsProps {
  /** The submit button's words; "Saving…" while `busy`. */
  submit: string;
  busy: boolean;
  /** The save's error: shown here unless a field of `fields` already shows it. */
  error: Error | null;
  fields: readonly string[];
  onCancel?: () => void;
}

/** The buttons under an inline form: save, cancel, and the error no field explains. */
export function FormActions({ submit, busy, error, fields, onCancel }: FormActionsProps) {
  return (
    <div className="form-actions-row">
      <button className="button button-primary button-small" type="submit" disabled={busy}>
        {busy ? 'Saving…' : submit}
      </button>
      {onCancel && (
        <button className="button button-secondary button-small" type="button" onClick={onCancel}>
          Cancel
        </button>
      )}
      {error && !isFieldError(error, fields) && (
        <span className="alert alert-error" role="alert">
          {error.message}
        </span>
      )}
    </div>
  );
}
