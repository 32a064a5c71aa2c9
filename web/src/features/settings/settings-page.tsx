import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { CALL_RETRY_DELAYS, type CallRetryDelay } from '../../../../domain/calls/next-call-attempt';
import { CALL_RETRY_DELAY_LABELS } from '../../../../domain/labels/call-labels';
import { parseMoney } from '../../../../domain/money/parse-money';
import { DEADLINE_KEYS } from '../../../../domain/settings/settings.schema';
import { ApiError } from '../../lib/api-client';
import { MoneyField } from '../../lib/money-field';
import { useMe } from '../auth/use-me';
import { NotificationSettings } from '../notifications/notification-settings';
import { getSettings, saveSettings, SETTINGS_KEY, type SettingsView } from './settings.api';

const DEADLINE_LABELS: Record<(typeof DEADLINE_KEYS)[number], string> = {
  contactMs: 'Contact a new lead within',
  followUpMs: 'Follow up with a contacted lead every',
  visitMs: 'Schedule the property visit within',
  closingMs: 'Prepare closing documents within',
  offerFollowUpMs: 'Follow up on a sent offer after',
  verifyPofMs: 'Verify a new buyer’s proof of funds within',
  matchingIntervalMs: 'Send matching properties to active buyers every',
  reviewDueMs: 'Monthly performance review due after',
  automationGraceMs: 'Never create an automatic task due sooner than',
};

function SettingsForm({ settings, canEdit, saved, setSaved }: { settings: SettingsView; canEdit: boolean; saved: boolean; setSaved: (saved: boolean) => void }) {
  const queryClient = useQueryClient();
  const [deadlines, setDeadlines] = useState<Record<string, string>>(settings.deadlines);
  const [rulePercent, setRulePercent] = useState(String(settings.dealMath.rulePercent));
  const [fee, setFee] = useState(String(settings.dealMath.targetAssignmentFee));
  const [retryDelay, setRetryDelay] = useState<CallRetryDelay>(settings.calls.retryDelay);
  // The fee as people type it ("5k", "$5,000"); shown back under the box, refused at the box when it is not an amount.
  const parsedFee = parseMoney(fee);
  const [feeError, setFeeError] = useState<string>();
  const save = useMutation({
    mutationFn: (targetAssignmentFee: number) => saveSettings({ deadlines, dealMath: { rulePercent: Number(rulePercent), targetAssignmentFee }, calls: { retryDelay } }),
    onSuccess: (next) => {
      queryClient.setQueryData(SETTINGS_KEY, next);
      void queryClient.invalidateQueries({ queryKey: ['leads'] });
      setSaved(true);
    },
    onMutate: () => setSaved(false),
  });
  const fieldErrors = save.error instanceof ApiError ? save.error.fields : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // An empty box is not silently $0: the fee is asked for, like any amount that cannot be read.
    if (!parsedFee.ok) return setFeeError(parsedFee.error);
    if (parsedFee.value === undefined) return setFeeError('Enter the target assignment fee, e.g. 10,000');
    setFeeError(undefined);
    save.mutate(parsedFee.value);
  };
  const input = (id: string, label: string, value: string, onChange: (value: string) => void, error?: string, hint?: string) => (
    <div className={`field${error ? ' field-invalid' : ''}`} key={id}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input id={id} value={value} disabled={!canEdit} onChange={(event) => onChange(event.target.value)} aria-invalid={Boolean(error)} />
      {error ? <span className="field-error">{`${label} ${error}`}</span> : hint && <span className="field-hint">{hint}</span>}
    </div>
  );

  return (
    <form className="task-form" noValidate onSubmit={submit} aria-label="Settings">
      <h2 className="span-all">Automation durations</h2>
      {DEADLINE_KEYS.map((key) =>
        input(`setting-${key}`, DEADLINE_LABELS[key], deadlines[key] ?? '', (value) => setDeadlines((old) => ({ ...old, [key]: value })), fieldErrors[`deadlines.${key}`], 'e.g. 1h, 3d, 90m'),
      )}
      <h2 className="span-all">Deal math</h2>
      {input('setting-rule-percent', 'MAO rule %', rulePercent, setRulePercent, fieldErrors['dealMath.rulePercent'], 'ARV × this % − repairs − fee')}
      <MoneyField
        label="Target assignment fee"
        defaultValue={fee}
        disabled={!canEdit}
        parsed={parsedFee.ok ? parsedFee.value : undefined}
        error={feeError ?? fieldErrors['dealMath.targetAssignmentFee']}
        onChange={(event) => {
          setFee(event.target.value);
          setFeeError(undefined);
        }}
      />
      <h2 className="span-all">Calls</h2>
      <div className={`field${fieldErrors['calls.retryDelay'] ? ' field-invalid' : ''}`}>
        <label className="field-label" htmlFor="setting-retry-delay">
          Next call attempt after no answer / voicemail
        </label>
        <select id="setting-retry-delay" value={retryDelay} disabled={!canEdit} onChange={(event) => setRetryDelay(event.target.value as CallRetryDelay)}>
          {CALL_RETRY_DELAYS.map((delay) => (
            <option key={delay} value={delay}>
              {CALL_RETRY_DELAY_LABELS[delay]}
            </option>
          ))}
        </select>
        {fieldErrors['calls.retryDelay'] ? (
          <span className="field-error">{`Next call attempt ${fieldErrors['calls.retryDelay']}`}</span>
        ) : (
          <span className="field-hint">Business days skip the weekend, in the lead owner’s time zone</span>
        )}
      </div>
      {save.isError && Object.keys(fieldErrors).length === 0 && <p className="alert alert-error span-all">{save.error.message}</p>}
      {saved && (
        <p className="alert alert-success span-all" role="status">
          Saved. New timers use these durations.
        </p>
      )}
      {canEdit && (
        <div className="form-actions-row span-all">
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save settings'}
          </button>
        </div>
      )}
    </form>
  );
}

/** `/settings`: the automation durations, the MAO rule and the next call attempt; admins edit, everyone else reads. */
export function SettingsPage() {
  const canEdit = useMe().data?.role === 'ADMIN';
  const settings = useQuery({ queryKey: SETTINGS_KEY, queryFn: getSettings });
  // Kept here: saving replaces the cached settings, which remounts the form.
  const [saved, setSaved] = useState(false);
  return (
    <div className="page">
      <header className="page-header">
        <h1>Settings</h1>
        <p className="page-subtitle">{canEdit ? 'Changes apply to timers that start after you save.' : 'Only an admin can change these.'}</p>
      </header>
      <section className="card">
        {settings.isPending && <p className="muted card-body">Loading…</p>}
        {settings.isError && <p className="alert alert-error">{settings.error.message}</p>}
        {/* Keyed by the saved values, so another admin's change (live) resets the form. */}
        {settings.data && <SettingsForm key={JSON.stringify(settings.data)} settings={settings.data} canEdit={canEdit} saved={saved} setSaved={setSaved} />}
      </section>
      <NotificationSettings />
    </div>
  );
}
