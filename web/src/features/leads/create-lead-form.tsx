import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, type FieldPath } from 'react-hook-form';
import type { z } from 'zod';
import { createLeadInputSchema, LEAD_SOURCES, PROPERTY_TYPES, type Lead } from '../../../../domain/leads/lead.schema';
import { api, ApiError } from '../../lib/api-client';

type FormInput = z.input<typeof createLeadInputSchema>;
type FormOutput = z.output<typeof createLeadInputSchema>;

const LABELS: Record<string, string> = { SFR: 'Single family', MULTI_FAMILY: 'Multi-family', PPC: 'Pay-per-click', SEO: 'Search (SEO)', SMS: 'SMS' };
const label = (value: string): string => LABELS[value] ?? value.charAt(0) + value.slice(1).toLowerCase().replaceAll('_', ' ');
const toNumber = (value: unknown) => (value === '' || value === null || value === undefined ? undefined : Number(value));

/** The quick "New lead" form; the same zod schema validates here and on the server. */
export function CreateLeadForm() {
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<Lead | null>(null);
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(createLeadInputSchema),
    defaultValues: { propertyType: 'SFR', source: 'DIRECT_MAIL' },
  });
  const { register, handleSubmit, formState, setError, reset } = form;

  const createLead = useMutation({
    mutationFn: (input: FormOutput) => api.post<Lead>('/api/leads', input),
    onSuccess: (lead) => {
      setCreated(lead);
      reset();
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return;
      for (const [field, message] of Object.entries(error.fields)) setError(field as FieldPath<FormInput>, { message });
    },
  });

  const fieldError = (name: FieldPath<FormInput>) => {
    const message = formState.errors[name as keyof typeof formState.errors]?.message;
    return message ? <span className="field-error">{String(message)}</span> : null;
  };

  return (
    <section className="card form-card">
      <header className="card-header">
        <h2>New lead</h2>
      </header>
      <form className="lead-form" noValidate onSubmit={handleSubmit((input) => createLead.mutate(input))}>
        <label className="field span-2">
          <span>Seller name</span>
          <input {...register('sellerName')} aria-invalid={Boolean(formState.errors.sellerName)} placeholder="Maria Lopez" />
          {fieldError('sellerName')}
        </label>
        <label className="field">
          <span>Phone</span>
          <input {...register('sellerPhone')} type="tel" placeholder="(937) 555-0142" />
          {fieldError('sellerPhone')}
        </label>
        <label className="field">
          <span>Email</span>
          <input {...register('sellerEmail')} type="email" placeholder="maria@example.com" />
          {fieldError('sellerEmail')}
        </label>
        <label className="field span-2">
          <span>Street</span>
          <input {...register('street')} placeholder="118 Oak St" />
          {fieldError('street')}
        </label>
        <label className="field">
          <span>City</span>
          <input {...register('city')} placeholder="Dayton" />
          {fieldError('city')}
        </label>
        <div className="field-row">
          <label className="field">
            <span>State</span>
            <input {...register('state')} maxLength={2} placeholder="OH" />
            {fieldError('state')}
          </label>
          <label className="field">
            <span>ZIP</span>
            <input {...register('zip')} inputMode="numeric" placeholder="45402" />
            {fieldError('zip')}
          </label>
        </div>
        <label className="field">
          <span>Property type</span>
          <select {...register('propertyType')}>
            {PROPERTY_TYPES.map((type) => (
              <option key={type} value={type}>
                {label(type)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Asking price</span>
          <input {...register('askingPrice', { setValueAs: toNumber })} type="number" min={0} step={1000} placeholder="90000" />
          {fieldError('askingPrice')}
        </label>
        <label className="field span-2">
          <span>Source</span>
          <select {...register('source')}>
            {LEAD_SOURCES.map((source) => (
              <option key={source} value={source}>
                {label(source)}
              </option>
            ))}
          </select>
        </label>
        <div className="form-actions span-2">
          {createLead.error && !(createLead.error instanceof ApiError && Object.keys(createLead.error.fields).length) && (
            <p className="form-error" role="alert">
              {createLead.error.message}
            </p>
          )}
          {created && !createLead.isPending && (
            <p className="form-success" role="status">
              Lead created for {created.sellerName}; its contact task is on the way.
            </p>
          )}
          <button className="button button-primary" type="submit" disabled={createLead.isPending}>
            {createLead.isPending ? 'Creating…' : 'Create lead'}
          </button>
        </div>
      </form>
    </section>
  );
}
