import { useState } from 'react';
import { zodResolver } from '@hookform/resolvers/zod';
import { ApiError } from '../../lib/api-client';
import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { splitMarkets } from '../../../../domain/buyers/buyer-market';
import { createBuyerInputSchema, updateBuyerInputSchema } from '../../../../domain/buyers/buyer.schema';
import { BUYER_STRATEGIES } from '../../../../domain/buyers/buyer-enums';
import { PROPERTY_TYPES } from '../../../../domain/leads/lead-enums';
import { applyServerErrors, toNullableNumber, toOptionalNumber } from '../../lib/apply-server-errors';
import { Field, FormActions } from '../../lib/field';
import { optionLabel } from '../../lib/format';
import { useSubmissionKey } from '../../lib/submission-key';
import { MoneyField, refuseBadMoney, toMoney } from '../../lib/money-field';
import { createBuyer, updateBuyer, type Buyer } from './buyers.api';

type FormInput = z.input<typeof createBuyerInputSchema>;
type FormOutput = z.output<typeof createBuyerInputSchema>;

const MONEY_FIELDS = [
  ['minPrice', 'Min price'],
  ['maxPrice', 'Max price'],
  ['maxRepair', 'Max repairs'],
  ['proofOfFundsAmount', 'Proof of funds'],
] as const;
const MONEY_NAMES = MONEY_FIELDS.map(([name]) => name);
const NUMBER_FIELDS = [
  ['minBeds', 'Min beds'],
  ['minBaths', 'Min baths'],
] as const;
const FIELDS = ['name', 'company', 'email', 'phone', 'cashBuyer', 'markets', 'propertyTypes', 'strategies', 'pofExpiresAt', ...MONEY_NAMES, ...NUMBER_FIELDS.map(([name]) => name)];

// Markets are typed as "Dayton, OH, 45402, Cincinnati"; an untouched box keeps the array it started with.
const toMarkets = (value: unknown): string[] => (Array.isArray(value) ? (value as string[]) : splitMarkets(String(value ?? '')));

// The expiry is picked as a day: it runs to the end of that day where the user is, and shows as that day again.
const pad = (n: number): string => String(n).padStart(2, '0');
const toDayInput = (iso: string | null): string => {
  if (!iso) return '';
  const at = new Date(iso);
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
};
const fromDayInput = (empty: null | undefined) => (value: unknown): string | null | undefined => {
  if (typeof value !== 'string' || value === '') return empty;
  // Not a day the box could produce: the schema's message names it.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return new Date(`${value}T23:59:59.999`).toISOString();
};

function defaultsOf(buyer?: Buyer): FormInput {
  if (!buyer) return { name: '', company: '', email: '', phone: '', cashBuyer: false, markets: [], propertyTypes: [], strategies: [] };
  return {
    name: buyer.name,
    company: buyer.company ?? '',
    email: buyer.email ?? '',
    phone: buyer.phone ?? '',
    cashBuyer: buyer.cashBuyer,
    markets: buyer.markets,
    propertyTypes: buyer.propertyTypes as FormInput['propertyTypes'],
    minPrice: buyer.minPrice ?? undefined,
    maxPrice: buyer.maxPrice ?? undefined,
    maxRepair: buyer.maxRepair ?? undefined,
    minBeds: buyer.minBeds ?? undefined,
    minBaths: buyer.minBaths ?? undefined,
    proofOfFundsAmount: buyer.proofOfFundsAmount ?? undefined,
    strategies: buyer.strategies,
    pofExpiresAt: toDayInput(buyer.pofExpiresAt),
  };
}

interface BuyerFormProps {
  /** Without a buyer it creates one; with one it updates its preferences. */
  buyer?: Buyer;
  onDone: (buyer: Buyer) => void;
  onCancel?: () => void;
}

/** "New buyer" and "Update preferences": contact details and the buy box, checked by the shared schemas. */
export function BuyerForm({ buyer, onDone, onCancel }: BuyerFormProps) {
  const queryClient = useQueryClient();
  // Both schemas accept these fields; the update one also takes null to clear a bound.
  const resolver = refuseBadMoney((buyer ? zodResolver(updateBuyerInputSchema) : zodResolver(createBuyerInputSchema)) as unknown as Resolver<FormInput, unknown, FormOutput>, MONEY_NAMES);
  const toNumber = buyer ? toNullableNumber : toOptionalNumber;
  const toAmount = buyer ? toMoney(null) : toMoney(undefined);
  const { register, handleSubmit, formState, setError, control: formControl } = useForm<FormInput, unknown, FormOutput>({ resolver, defaultValues: defaultsOf(buyer) });
  const { errors } = formState;
  const submission = useSubmissionKey();
  const amounts = useWatch({ control: formControl, name: MONEY_NAMES });
  // The version the form was filled from: the page updates `buyer` live, but the form keeps its values.
  const [version] = useState(buyer?.updatedAt);
  const save = useMutation({
    mutationFn: (input: FormOutput) => (buyer ? updateBuyer(buyer.id, input, version) : submission.send(input, (key) => createBuyer(input, key))),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['buyers'] });
      // A new buy box changes which leads fit; those matches live under ['leads'].
      void queryClient.invalidateQueries({ queryKey: ['leads', 'matches'] });
      onDone(saved);
    },
    onError: (error) => applyServerErrors(error, FIELDS, setError),
  });
  const submit = handleSubmit((input) => save.mutate(input));
  // A live buyer has this e-mail or phone already: open it, or save this one anyway.
  const duplicateOf = !buyer && save.error instanceof ApiError && save.error.code === 'DUPLICATE' ? save.error.existingId : undefined;

  return (
    <form className="inline-form buyer-form" noValidate aria-label={buyer ? 'Buy box' : 'New buyer'} onSubmit={(event) => void submit(event)}>
      <Field label="Buyer name" error={errors.name?.message}>
        {(control) => <input {...control} {...register('name')} autoComplete="off" placeholder="Dana Investor" />}
      </Field>
      <Field label="Company" error={errors.company?.message}>
        {(control) => <input {...control} {...register('company')} autoComplete="off" />}
      </Field>
      <Field label="Buyer email" error={errors.email?.message}>
        {(control) => <input {...control} {...register('email')} type="email" autoComplete="off" />}
      </Field>
      <Field label="Buyer phone" error={errors.phone?.message}>
        {(control) => <input {...control} {...register('phone')} type="tel" autoComplete="off" />}
      </Field>
      <Field label="Markets" hint="Cities with their state (Dayton, OH) or 5-digit ZIP codes, comma-separated" error={errors.markets?.message ?? errors.markets?.[0]?.message} className="span-all">
        {(control) => <input {...control} {...register('markets', { setValueAs: toMarkets })} autoComplete="off" placeholder="Dayton, OH, 45402" />}
      </Field>
      <fieldset className="span-all type-picks">
        <legend className="field-label">Property types (none = any)</legend>
        {PROPERTY_TYPES.map((type) => (
          <label key={type} className="check">
            <input type="checkbox" value={type} {...register('propertyTypes')} /> {optionLabel(type)}
          </label>
        ))}
        {errors.propertyTypes && <span className="field-error">Property types {errors.propertyTypes.message}</span>}
      </fieldset>
      {MONEY_FIELDS.map(([name, label], index) => (
        <MoneyField key={name} label={label} error={errors[name]?.message} parsed={amounts[index]} {...register(name, { setValueAs: toAmount })} />
      ))}
      <fieldset className="span-all type-picks">
        <legend className="field-label">Strategies (none = any)</legend>
        {BUYER_STRATEGIES.map((strategy) => (
          <label key={strategy} className="check">
            <input type="checkbox" value={strategy} {...register('strategies')} /> {optionLabel(strategy)}
          </label>
        ))}
        {errors.strategies && <span className="field-error">Strategies {errors.strategies.message}</span>}
      </fieldset>
      {NUMBER_FIELDS.map(([name, label]) => (
        <Field key={name} label={label} error={errors[name]?.message}>
          {(control) => <input {...control} {...register(name, { setValueAs: toNumber })} type="number" inputMode={name === 'minBeds' ? 'numeric' : 'decimal'} min={0} step={1} />}
        </Field>
      ))}
      <Field label="Proof of funds expires" hint="Reminders 7 days and 1 day before" error={errors.pofExpiresAt?.message}>
        {(control) => <input {...control} {...register('pofExpiresAt', { setValueAs: fromDayInput(buyer ? null : undefined) })} type="date" />}
      </Field>
      <label className="check span-all">
        <input type="checkbox" {...register('cashBuyer')} /> Cash buyer
      </label>
      {duplicateOf && save.variables && (
        <div className="alert alert-warning" role="status">
          <Link className="button button-secondary button-small" to={`/buyers/${duplicateOf}`}>
            Open the existing buyer
          </Link>
          <button type="button" className="button button-secondary button-small" disabled={save.isPending} onClick={() => save.mutate({ ...save.variables!, allowDuplicate: true })}>
            Create anyway
          </button>
        </div>
      )}
      <FormActions submit={buyer ? 'Update preferences' : 'Create buyer'} busy={save.isPending} error={save.error} fields={FIELDS} onCancel={onCancel} />
    </form>
  );
}
