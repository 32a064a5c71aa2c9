import { useState } from 'react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { updateLeadInputSchema, type Lead } from '../../../../domain/leads/lead.schema';
import { LEAD_SOURCES, PROPERTY_TYPES } from '../../../../domain/leads/lead-enums';
import { applyServerErrors, toNullableNumber } from '../../lib/apply-server-errors';
import { Field, FormActions, SelectField } from '../../lib/field';
import { MoneyField, refuseBadMoney, toMoney } from '../../lib/money-field';
import { updateLead } from './leads.api';

type FormInput = z.input<typeof updateLeadInputSchema>;
type FormOutput = z.output<typeof updateLeadInputSchema>;

// Each box with the keyboard a phone should show for it.
const TEXT_FIELDS = [
  ['sellerName', 'Seller name', {}],
  ['sellerPhone', 'Phone', { type: 'tel' }],
  ['sellerEmail', 'Email', { type: 'email' }],
  ['street', 'Street', {}],
  ['city', 'City', {}],
  ['state', 'State', {}],
  ['zip', 'ZIP', { inputMode: 'numeric' }],
] as const;
const MONEY_FIELDS = [
  ['askingPrice', 'Asking price'],
  ['arv', 'ARV'],
  ['repairEstimate', 'Repair estimate'],
] as const;
const MONEY_NAMES = MONEY_FIELDS.map(([name]) => name);
const NUMBER_FIELDS = [
  ['beds', 'Beds', 'numeric'],
  ['baths', 'Baths', 'decimal'],
  ['sqft', 'Sq ft', 'numeric'],
  ['yearBuilt', 'Year built', 'numeric'],
  ['motivation', 'Motivation (1–5)', 'numeric'],
] as const;
const FIELDS = [...TEXT_FIELDS, ...MONEY_FIELDS, ...NUMBER_FIELDS].map(([name]) => name as string).concat(['propertyType', 'source', 'tags']);

const toTags = (value: unknown): string[] =>
  Array.isArray(value) ? (value as string[]) : String(value ?? '').split(',').map((tag) => tag.trim()).filter(Boolean);

function defaultsOf(lead: Lead): FormInput {
  return {
    sellerName: lead.sellerName,
    sellerPhone: lead.sellerPhone ?? '',
    sellerEmail: lead.sellerEmail ?? '',
    street: lead.street,
    city: lead.city,
    state: lead.state,
    zip: lead.zip,
    propertyType: lead.propertyType,
    source: lead.source,
    askingPrice: lead.askingPrice,
    arv: lead.arv,
    repairEstimate: lead.repairEstimate,
    beds: lead.beds,
    baths: lead.baths,
    sqft: lead.sqft,
    yearBuilt: lead.yearBuilt,
    motivation: lead.motivation,
    tags: lead.tags,
  };
}

/** Edits a lead's facts and deal numbers; only changed fields are sent, so the PATCH stays small. */
export function LeadEditForm({ lead, onDone }: { lead: Lead; onDone: () => void }) {
  const queryClient = useQueryClient();
  const { register, handleSubmit, formState, setError, control: formControl } = useForm<FormInput, unknown, FormOutput>({
    resolver: refuseBadMoney(zodResolver(updateLeadInputSchema), MONEY_NAMES),
    defaultValues: defaultsOf(lead),
  });
  const { errors, dirtyFields } = formState;
  const amounts = useWatch({ control: formControl, name: MONEY_NAMES });
  // The version the form was filled from: the page updates `lead` live, but the form keeps its values.
  const [version] = useState(lead.updatedAt);
  const save = useMutation({
    mutationFn: (input: FormOutput) => updateLead(lead.id, input, version),
    onSuccess: (updated) => {
      queryClient.setQueryData(['leads', 'detail', lead.id], updated);
      void queryClient.invalidateQueries({ queryKey: ['leads'] });
      // A new price, type or place changes which buyers fit.
      void queryClient.invalidateQueries({ queryKey: ['buyers', 'matches'] });
      onDone();
    },
    onError: (error) => applyServerErrors(error, FIELDS, setError),
  });
  const submit = handleSubmit((input) => {
    const changed = Object.fromEntries(Object.entries(input).filter(([name]) => name in dirtyFields)) as FormOutput;
    if (Object.keys(changed).length === 0) onDone();
    else save.mutate(changed);
  });

  return (
    <form className="inline-form lead-edit-form" noValidate aria-label="Edit lead" onSubmit={(event) => void submit(event)}>
      {TEXT_FIELDS.map(([name, label, keyboard]) => (
        <Field key={name} label={label} error={errors[name]?.message}>
          {(control) => <input {...control} {...register(name)} {...keyboard} autoComplete="off" />}
        </Field>
      ))}
      <SelectField label="Property type" error={errors.propertyType?.message} values={PROPERTY_TYPES} {...register('propertyType')} />
      <SelectField label="Source" error={errors.source?.message} values={LEAD_SOURCES} {...register('source')} />
      {MONEY_FIELDS.map(([name, label], index) => (
        <MoneyField key={name} label={label} error={errors[name]?.message} parsed={amounts[index]} {...register(name, { setValueAs: toMoney(null) })} />
      ))}
      {NUMBER_FIELDS.map(([name, label, inputMode]) => (
        <Field key={name} label={label} error={errors[name]?.message}>
          {(control) => <input {...control} {...register(name, { setValueAs: toNullableNumber })} type="number" inputMode={inputMode} min={0} />}
        </Field>
      ))}
      <Field label="Tags" hint="Comma-separated" error={errors.tags?.message ?? errors.tags?.root?.message} className="span-all">
        {(control) => <input {...control} {...register('tags', { setValueAs: toTags })} autoComplete="off" />}
      </Field>
      <FormActions submit="Save changes" busy={save.isPending} error={save.error} fields={FIELDS} onCancel={onDone} />
    </form>
  );
}
