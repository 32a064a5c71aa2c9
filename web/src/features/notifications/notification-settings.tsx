import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { EMAIL_MODE_LABELS, NOTIFICATION_KIND_LABELS } from '../../../../domain/labels/notification-labels';
import { NOTIFICATION_KINDS, type NotificationKind } from '../../../../domain/notifications/notification-kinds';
import type { NotificationPreferences } from '../../../../domain/notifications/notification-preferences';
import { EMAIL_MODES } from '../../../../domain/notifications/email-modes';
import { api } from '../../lib/api-client';
import { applyServerErrors } from '../../lib/apply-server-errors';
import { FormActions, SelectField } from '../../lib/field';
import './notifications.css';

const KEY = ['notification-preferences'];
const FIELDS = ['muted', 'email', 'timeZone'] as const;

interface FormValues {
  /** Kinds the user keeps; the others are muted. */
  shown: NotificationKind[];
  assignments: NotificationPreferences['email']['assignments'];
  overdue: NotificationPreferences['email']['overdue'];
  timeZone: string;
}

const browserZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;
const ZONES: readonly string[] = (() => {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
})();

function PreferencesForm({ saved, done, setDone }: { saved: NotificationPreferences; done: boolean; setDone: (done: boolean) => void }) {
  const queryClient = useQueryClient();
  // Someone who never chose a zone gets the browser's, so the digest comes at their 7 AM once they save.
  const untouched = saved.timeZone === 'UTC' && saved.muted.length === 0;
  const { register, handleSubmit, setError } = useForm<FormValues>({
    defaultValues: {
      shown: NOTIFICATION_KINDS.filter((kind) => !saved.muted.includes(kind)),
      assignments: saved.email.assignments,
      overdue: saved.email.overdue,
      timeZone: untouched && ZONES.includes(browserZone()) ? browserZone() : saved.timeZone,
    },
  });
  const save = useMutation({
    mutationFn: (values: FormValues) =>
      api.put<NotificationPreferences>('/api/me/notification-preferences', {
        muted: NOTIFICATION_KINDS.filter((kind) => !values.shown.includes(kind)),
        email: { assignments: values.assignments, overdue: values.overdue },
        timeZone: values.timeZone,
      }),
    onMutate: () => setDone(false),
    onSuccess: (next) => {
      queryClient.setQueryData(KEY, next);
      setDone(true);
    },
    onError: (error) => applyServerErrors(error, FIELDS, setError as never),
  });
  const submit = handleSubmit((values) => save.mutate(values));
  return (
    <form className="task-form" noValidate aria-label="Notification settings" onSubmit={(event) => void submit(event)}>
      <fieldset className="span-all notification-kinds">
        <legend className="field-label">Notify me when</legend>
        {NOTIFICATION_KINDS.map((kind) => (
          <label key={kind} className="field field-check">
            <input type="checkbox" value={kind} {...register('shown')} /> {NOTIFICATION_KIND_LABELS[kind]}
          </label>
        ))}
        <p className="field-hint">Unticked kinds are muted: they no longer reach your bell or your inbox.</p>
      </fieldset>
      <SelectField label="E-mail me high-priority assignments" values={EMAIL_MODES} optionText={(mode) => EMAIL_MODE_LABELS[mode as keyof typeof EMAIL_MODE_LABELS]} {...register('assignments')} />
      <SelectField label="E-mail me overdue alerts" values={EMAIL_MODES} optionText={(mode) => EMAIL_MODE_LABELS[mode as keyof typeof EMAIL_MODE_LABELS]} {...register('overdue')} />
      <SelectField label="My time zone" hint="The daily digest comes at 7 AM here; e-mails write times in it." values={ZONES} optionText={(zone) => zone.replace(/_/g, ' ')} {...register('timeZone')} />
      {done && (
        <p className="alert alert-success span-all" role="status">
          Saved. New notifications follow these settings.
        </p>
      )}
      <div className="span-all">
        <FormActions submit="Save notification settings" busy={save.isPending} error={save.error} fields={FIELDS} />
      </div>
    </form>
  );
}

/** Settings → Notifications: what reaches my bell, what reaches my inbox and when, in my time zone. */
export function NotificationSettings() {
  const preferences = useQuery({ queryKey: KEY, queryFn: () => api.get<NotificationPreferences>('/api/me/notification-preferences') });
  // Kept here: saving replaces the cached preferences, which remounts the form.
  const [done, setDone] = useState(false);
  return (
    <section className="card notification-settings" id="notifications" aria-labelledby="notification-settings-title">
      <header className="card-header">
        <div>
          <h2 id="notification-settings-title">Notifications</h2>
          <p className="card-subtitle">Yours alone: what reaches your bell, and what reaches your inbox.</p>
        </div>
      </header>
      {preferences.isPending && <p className="muted card-body">Loading…</p>}
      {preferences.isError && <p className="alert alert-error">{preferences.error.message}</p>}
      {preferences.data && <PreferencesForm key={JSON.stringify(preferences.data)} saved={preferences.data} done={done} setDone={setDone} />}
    </section>
  );
}
