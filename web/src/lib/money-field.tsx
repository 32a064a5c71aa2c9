import type { ComponentProps } from 'react';
import type { FieldValues, Resolver } from 'react-hook-form';
import { MONEY_INPUT_ERROR, parseMoney } from '../../../domain/money/parse-money';
import { Field } from './field';
import { money } from './format';

/**
 * `setValueAs` of a money box: what was typed ("95k", "$95,000") as whole dollars, `empty` for
 * an empty box, and the text itself when it is not an amount, so `refuseBadMoney` can say so.
 */
export const toMoney =
  <E extends undefined | null>(empty: E) =>
  (value: unknown): number | string | E => {
    if (typeof value === 'number') return value;
    if (value == null) return empty;
    const parsed = parseMoney(String(value));
    if (!parsed.ok) return String(value);
    return parsed.value ?? empty;
  };

/** Wraps a form's resolver: a money box holding text that is not an amount gets "Enter an amount like 95,000". */
export function refuseBadMoney<T extends FieldValues, C, O>(resolver: Resolver<T, C, O>, names: readonly string[]): Resolver<T, C, O> {
  return async (values, context, options) => {
    const result = await resolver(values, context, options);
    const bad = names.filter((name) => typeof (values as Record<string, unknown>)[name] === 'string');
    if (bad.length === 0) return result;
    const errors: Record<string, unknown> = { ...result.errors };
    for (const name of bad) errors[name] = { type: 'money', message: MONEY_INPUT_ERROR };
    return { values: {}, errors } as unknown as Awaited<ReturnType<Resolver<T, C, O>>>;
  };
}

type MoneyFieldProps = Omit<ComponentProps<'input'>, 'value'> & {
  label: string;
  error?: string;
  className?: string;
  /** The form's current value of this box (after `toMoney`): shown back as "= $95,000". */
  parsed: unknown;
};

/** A labelled money box that takes what people type and shows the amount it read under it. */
export function MoneyField({ label, error, className, parsed, ...input }: MoneyFieldProps) {
  const hint = typeof parsed === 'number' ? `= ${money(parsed)}` : undefined;
  return (
    <Field label={label} error={error} hint={hint} className={className}>
      {(control) => (
        <div className="input-affix">
          <span aria-hidden="true">$</span>
          <input {...control} type="text" inputMode="decimal" autoComplete="off" {...input} />
        </div>
      )}
    </Field>
  );
}
