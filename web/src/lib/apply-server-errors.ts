import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import { ApiError } from './api-client';

/**
 * Puts a 400's `error.fields` onto the form's own fields; true when at least one landed, so
 * the caller shows the general message only for errors no field explains.
 */
export function applyServerErrors<T extends FieldValues>(error: unknown, fields: readonly string[], setError: UseFormSetError<T>): boolean {
  if (!(error instanceof ApiError)) return false;
  let placed = false;
  for (const [field, message] of Object.entries(error.fields)) {
    if (!fields.includes(field)) continue;
    setError(field as FieldPath<T>, { message }, { shouldFocus: !placed });
    placed = true;
  }
  return placed;
}

/** Whether the error's message is already shown on a field of the form. */
export const isFieldError = (error: unknown, fields: readonly string[]): boolean =>
  error instanceof ApiError && Object.keys(error.fields).some((field) => fields.includes(field));

// Number inputs: an empty box means "not set" (undefined on create, null to clear on update).
export const toOptionalNumber = (value: unknown): number | undefined => (value === '' || value == null ? undefined : Number(value));
export const toNullableNumber = (value: unknown): number | null => (value === '' || value == null ? null : Number(value));
