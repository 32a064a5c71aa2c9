import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm, useWatch, type FieldPath } from 'react-hook-form';
import { Link } from 'react-router';
import type { z } from 'zod';
import { createLeadInputSchema } from '../../../../domain/leads/lead.schema';
import { LEAD_SOURCES, PROPERTY_TYPES } from '../../../../domain/leads/lead-enums';
import { leadWorkflowId } from '../../../../domain/workflow-ids';
import { ApiError } from '../../lib/api-client';
import { isFieldError } from '../../lib/apply-server-errors';
import { Field, SelectField } from '../../lib/field';
import { useSubmissionKey } from '../../lib/submission-key';
import { MoneyField, refuseBadMoney, toMoney } from '../../lib/money-field';
import { useWorkflowLink } from '../../lib/use-workflow-link';
import { createLead } from './leads.api';
import './create-lead-form.css';

type FormInput = z.input<typeof createLeadInputSchema>;
type FormOutput = z.output<typeof createLeadInputSchema>;

const EMPTY: FormInput = {
  sellerName: '',
  sellerPhone: '',
  sellerEmail: '',
  street: '',
  city: '',
  state: '',
  zip: '',
  propertyType: 'SFR',
  askingPrice: undefined,
  source: 'DIRECT_MAIL',
};

/**
 * The quick "New lead" form; the same zod schema validates here and on the server. `onClose`
 * (the Leads page) adds a Close button; the dashboard keeps it open.
 */
export function CreateLeadForm({ onClose }: { onClose?: () => void } = {}) {
  const queryClient = useQueryClient();
  const workflowLink = useWorkflowLink();
  const { register, handleSubmit, formState, setError, reset, setFocus, control: formControl } = useForm<FormInput, unknown, FormOutput>({
    resolver: refuseBadMoney(zodResolver(createLeadInputSchema), ['askingPrice']),
    defaultValues: EMPTY,
  });
  const { errors } = formState;
  const submission = useSubmissionKey();
  const askingPrice = useWatch({ control: formControl, name: 'askingPrice' });

  const create = useMutation({
    mutationFn: (input: FormOutput) => submission.send(input, (key) => createLead(input, key)),
    onSuccess: () => {
      // Without arguments RHF also resets the DOM form, which clears the number input.
      reset();
      setFocus('sellerName');
      // The event stream updates the counts too; this covers a dropped connection.
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
      void queryClient.invalidateQueries({ queryKey: ['leads'] });
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return;
      for (const [field, message] of Object.entries(error.fields)) {
        if (field in EMPTY) setError(field as FieldPath<FormInput>, { message }, { shouldFocus: true });
      }
    },
  });

  const serverFieldErrors = isFieldError(create.error, Object.keys(EMPTY));
  // The same address is a live lead already: open it, or save this one anyway.
  const duplicateOf = create.error instanceof ApiError && create.error.code === 'DUPLICATE' ? create.error.existingId : undefined;
  const created = create.isSuccess ? create.data : undefined;
  const createdLink = created && workflowLink(leadWorkflowId(created.id));
  const submit = handleSubmit((input) => create.mutate(input));

  return (
    <section className="card form-card" aria-labelledby="new-lead-title">
      <header className="card-header">
        <div>
          <h2 id="new-lead-title">New lead</h2>
          <p className="card-subtitle">A contact task is created and assigned automatically.</p>
        </div>
        {onClose && (
          <button type="button" className="button button-secondary button-small" onClick={onClose}>
            Close
          </button>
        )}
      </header>
      <form className="lead-form" noValidate onSubmit={(event) => void submit(event)}>
        <fieldset className="form-section">
          <legend>Seller</legend>
          <Field label="Seller name" error={errors.sellerName?.message} className="span-2">
            {(control) => <input {...control} {...register('sellerName')} autoComplete="off" placeholder="Maria Lopez" />}
          </Field>
          <Field label="Phone" error={errors.sellerPhone?.message}>
            {(control) => <input {...control} {...register('sellerPhone')} type="tel" autoComplete="off" placeholder="(937) 555-0142" />}
          </Field>
          <Field label="Email" error={errors.sellerEmail?.message}>
            {(control) => <input {...control} {...register('sellerEmail')} type="email" autoComplete="off" placeholder="maria@example.com" />}
          </Field>
        </fieldset>

        <fieldset className="form-section">
          <legend>Property</legend>
          <Field label="Street" error={errors.street?.message} className="span-2">
            {(control) => <input {...control} {...register('street')} autoComplete="off" placeholder="118 Oak St" />}
          </Field>
          <Field label="City" error={errors.city?.message} className="span-2">
            {(control) => <input {...control} {...register('city')} autoComplete="off" placeholder="Dayton" />}
          </Field>
          <Field label="State" error={errors.state?.message}>
            {(control) => <input {...control} {...register('state')} className="input-state" maxLength={2} autoComplete="off" placeholder="OH" />}
          </Field>
          <Field label="ZIP" error={errors.zip?.message}>
            {(control) => <input {...control} {...register('zip')} inputMode="numeric" maxLength={10} autoComplete="off" placeholder="45402" />}
          </Field>
          <SelectField label="Property type" error={errors.propertyType?.message} values={PROPERTY_TYPES} {...register('propertyType')} />
          <MoneyField label="Asking price" error={errors.askingPrice?.message} parsed={askingPrice} {...register('askingPrice', { setValueAs: toMoney(undefined) })} placeholder="90,000" />
          <SelectField label="Source" error={errors.source?.message} className="span-2" values={LEAD_SOURCES} {...register('source')} />
        </fieldset>

        <div className="form-actions">
          {duplicateOf && create.variables && (
            <div className="alert alert-warning duplicate-alert" role="alert">
              <span>{create.error?.message}.</span>
              <Link className="button button-secondary button-small" to={`/leads/${duplicateOf}`}>
                Open the existing lead
              </Link>
              <button type="button" className="button button-secondary button-small" disabled={create.isPending} onClick={() => create.mutate({ ...create.variables!, allowDuplicate: true })}>
                Create anyway
              </button>
            </div>
          )}
          {create.isError && !serverFieldErrors && !duplicateOf && (
            <p className="alert alert-error" role="alert">
              {create.error.message}
            </p>
          )}
          {created && (
            <p className="alert alert-success" role="status">
              <span>
                Lead created for <Link to={`/leads/${created.id}`}>{created.sellerName}</Link>, with its contact task.
              </span>
              {createdLink && (
                <a href={createdLink} target="_blank" rel="noreferrer">
                  Workflow ↗
                </a>
              )}
            </p>
          )}
          <button className="button button-primary button-block" type="submit" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create lead'}
          </button>
        </div>
      </form>
    </section>
  );
}
