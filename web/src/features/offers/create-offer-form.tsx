import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { createOfferInputSchema } from '../../../../domain/offers/offer.schema';
import { OFFER_KINDS } from '../../../../domain/offers/offer-kinds';
import { applyServerErrors } from '../../lib/apply-server-errors';
import { Field, FormActions, SelectField } from '../../lib/field';
import { optionLabel } from '../../lib/format';
import { MoneyField, refuseBadMoney, toMoney } from '../../lib/money-field';
import { listLeadMatches } from '../leads/leads.api';
import { useSubmissionKey } from '../../lib/submission-key';
import { createOffer } from './offers.api';

type FormInput = z.input<typeof createOfferInputSchema>;
type FormOutput = z.output<typeof createOfferInputSchema>;
const FIELDS = ['leadId', 'buyerId', 'kind', 'amount', 'expiresAt', 'status', 'terms'] as const;

// A date box gives "2026-12-01"; the schema wants a moment, so the offer runs to that day's end.
const toExpiry = (value: unknown): string | undefined => (typeof value === 'string' && value ? new Date(`${value}T23:59:59`).toISOString() : undefined);

// The earliest expiry the date box offers: today (an expiry already past is refused, see refusePastExpiry).
const today = (): string => new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 10);

/**
 * Wraps the form's resolver: an expiry already past is refused at the box, before any request (the
 * server refuses it too, for other clients). The box holds a day and the offer runs to its end, so
 * today is the earliest day it takes.
 */
function refusePastExpiry<C>(resolver: Resolver<FormInput, C, FormOutput>): Resolver<FormInput, C, FormOutput> {
  return async (values, context, options) => {
    const result = await resolver(values, context, options);
    if (!values.expiresAt || Date.parse(values.expiresAt) > Date.now()) return result;
    return { values: {}, errors: { ...result.errors, expiresAt: { type: 'past', message: 'must be today or later' } } };
  };
}

interface CreateOfferFormProps {
  leadId: string;
  /** Set when the offer is for a matched buyer: the kind is BUYER and the buyer fixed. */
  buyer?: { id: string; name: string };
  /** The kind to start with when no buyer is fixed (the one this user may make). */
  initialKind?: 'PURCHASE' | 'BUYER';
  suggestedAmount?: number | null;
  onDone: () => void;
}

/** "Create offer" for a lead, validated by the same schema as POST /api/offers. */
export function CreateOfferForm({ leadId, buyer, initialKind = 'PURCHASE', suggestedAmount, onDone }: CreateOfferFormProps) {
  const queryClient = useQueryClient();
  const { register, handleSubmit, formState, setError, control: formControl } = useForm<FormInput, unknown, FormOutput>({
    resolver: refusePastExpiry(refuseBadMoney(zodResolver(createOfferInputSchema), ['amount'])),
    defaultValues: { leadId, buyerId: buyer?.id, kind: buyer ? 'BUYER' : initialKind, amount: suggestedAmount ?? undefined, status: 'DRAFT' },
  });
  const { errors } = formState;
  const submission = useSubmissionKey();
  const create = useMutation({
    mutationFn: (input: FormOutput) => submission.send(input, (key) => createOffer(input, key)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['offers'] });
      onDone();
    },
    onError: (error) => applyServerErrors(error, FIELDS, setError),
  });
  const submit = handleSubmit((input) => create.mutate(input));
  const kind = useWatch({ control: formControl, name: 'kind' });
  const amount = useWatch({ control: formControl, name: 'amount' });
  // A buyer offer goes to one of the buyers who match (the same query as the matches card).
  const matches = useQuery({ queryKey: ['buyers', 'matches', { leadId }], queryFn: () => listLeadMatches(leadId), enabled: !buyer && kind === 'BUYER' });

  return (
    <form className="inline-form" noValidate aria-label={buyer ? `Offer for ${buyer.name}` : 'New offer'} onSubmit={(event) => void submit(event)}>
      {buyer ? (
        <p className="span-all small muted">
          Buyer offer to <strong>{buyer.name}</strong>
        </p>
      ) : (
        <SelectField label="Kind" error={errors.kind?.message} values={OFFER_KINDS} optionText={optionLabel} {...register('kind')} />
      )}
      {!buyer && kind === 'BUYER' && (
        <Field label="Buyer" error={errors.buyerId?.message}>
          {(control) => (
            // Unregistered when the kind leaves Buyer: a purchase offer takes no buyer, and a hidden pick would be refused.
            <select {...control} {...register('buyerId', { setValueAs: (v: string) => v || undefined, shouldUnregister: true })}>
              <option value="">{matches.isPending ? 'Loading buyers…' : 'Pick a matching buyer…'}</option>
              {matches.data?.items.map((match) => (
                <option key={match.buyer.id} value={match.buyer.id}>
                  {match.buyer.name} ({match.score})
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <MoneyField label="Amount" error={errors.amount?.message} parsed={amount} {...register('amount', { setValueAs: toMoney(undefined) })} />
      <Field label="Expires" error={errors.expiresAt?.message}>
        {(control) => <input {...control} {...register('expiresAt', { setValueAs: toExpiry })} type="date" min={today()} />}
      </Field>
      <Field label="Offer status" error={errors.status?.message}>
        {(control) => (
          <select {...control} {...register('status')}>
            <option value="DRAFT">Draft</option>
            <option value="SENT">Sent</option>
          </select>
        )}
      </Field>
      <FormActions submit="Save offer" busy={create.isPending} error={create.error} fields={FIELDS} onCancel={onDone} />
    </form>
  );
}
