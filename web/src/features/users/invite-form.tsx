import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { createInviteInputSchema, type InviteLink } from '../../../../domain/users/invite.schema';
import { USER_ROLES } from '../../../../domain/users/user-roles';
import { applyServerErrors } from '../../lib/apply-server-errors';
import { Field, FormActions, SelectField } from '../../lib/field';
import { fullDate, optionLabel } from '../../lib/format';
import { inviteUser } from './users.api';

type FormInput = z.input<typeof createInviteInputSchema>;
type FormOutput = z.output<typeof createInviteInputSchema>;
const FIELDS = ['email', 'name', 'role'] as const;

/** The link an invite answers, once: with a copy button, and who must pass it on. */
export function InviteLinkBox({ link, onDone }: { link: InviteLink; onDone: () => void }) {
  const url = `${window.location.origin}${link.path}`;
  const [copied, setCopied] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // No clipboard access (plain http on another host): select it for Ctrl+C.
      input.current?.select();
    }
  };
  return (
    <div className="invite-link" role="status" aria-label={`Invite link for ${link.user.name}`}>
      <p>
        <strong>Invite link for {link.user.name}</strong> — it works once, until {fullDate(link.expiresAt)}.
      </p>
      <div className="invite-link-row">
        <input ref={input} className="invite-link-url" readOnly value={url} aria-label="Invite link" onFocus={(event) => event.currentTarget.select()} />
        <button type="button" className="button button-primary button-small" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy link'}
        </button>
      </div>
      <p className="muted small">
        {link.emailed ? `We e-mailed it to ${link.user.email}; you may also pass it on yourself. It is shown only now.` : `Pass this link on to ${link.user.email} yourself. It is shown only now.`}
      </p>
      <div>
        <button type="button" className="button button-secondary button-small" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}

/** "Invite a user": name, e-mail and role; the same schema validates here and on the server. */
export function InviteForm({ onInvited, onCancel }: { onInvited: (link: InviteLink) => void; onCancel: () => void }) {
  const queryClient = useQueryClient();
  const { register, handleSubmit, formState, setError } = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(createInviteInputSchema),
    defaultValues: { email: '', name: '', role: 'AGENT' },
  });
  const invite = useMutation({
    mutationFn: inviteUser,
    onSuccess: (link) => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      onInvited(link);
    },
    onError: (error) => applyServerErrors(error, FIELDS, setError),
  });
  const submit = handleSubmit((input) => invite.mutate(input));
  const { errors } = formState;
  return (
    <form className="inline-form" noValidate aria-label="Invite a user" onSubmit={(event) => void submit(event)}>
      <Field label="Name" error={errors.name?.message}>
        {(control) => <input {...control} {...register('name')} autoComplete="off" placeholder="Maria Lopez" />}
      </Field>
      <Field label="E-mail" error={errors.email?.message}>
        {(control) => <input {...control} {...register('email')} type="email" autoComplete="off" placeholder="maria@yourcompany.com" />}
      </Field>
      <SelectField label="Role" error={errors.role?.message} values={USER_ROLES} optionText={optionLabel} {...register('role')} />
      <FormActions submit="Create invite link" busy={invite.isPending} error={invite.error} fields={FIELDS} onCancel={onCancel} />
    </form>
  );
}
