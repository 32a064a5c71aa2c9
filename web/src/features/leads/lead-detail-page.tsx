import { useQuery } from '@tanstack/react-query';
import { DealMath } from './deal-math';
import { useParams } from 'react-router';
import { describeListPhone } from '../../../../domain/exports/export-columns';
import { describeLeadScore } from '../../../../domain/leads/lead-score';
import type { Lead } from '../../../../domain/leads/lead.schema';
import { leadWorkflowId } from '../../../../domain/workflow-ids';
import { DetailPage, EditableCard } from '../../lib/detail-page';
import { useDeniedReason } from '../auth/use-denied-reason';
import { ArchiveControl, ArchivedNotice } from '../archive/archive-control';
import { fullDate, money, optionLabel } from '../../lib/format';
import { StatusPill } from '../../lib/status-pill';
import { HistoryTimeline } from '../history/history-timeline';
import { DocumentsPanel } from '../documents/documents-panel';
import { DuplicatesPanel } from '../duplicates/duplicates-panel';
import { MergedNotice } from '../duplicates/merged-notice';
import { NotesPanel } from '../notes/notes-panel';
import { OfferList } from '../offers/offer-list';
import { TaskList } from '../tasks/task-list';
import { LeadEditForm } from './lazy-forms';
import { LeadMatches } from './lead-matches';
import { LeadOwnerControl } from './lead-owner-control';
import { LeadStatusControl } from './lead-status-control';
import { getLead } from './leads.api';
import { useRecentView } from './use-recent-view';
import './leads.css';
import { FrozenRecordLayout } from '../../lib/frozen-record-layout';
import { Fact, type FactLine } from '../../lib/fact';

const orDash = (value: string | number | null | undefined): string | number => (value == null || value === '' ? '—' : value);

/** What a list import gave beyond the lead's own fields: the skip-traced phones and the owner's mailing address above all. */
function listFacts(lead: Lead): FactLine[] {
  const details = lead.listDetails;
  if (!details) return [];
  const otherPhones = details.phones.filter((phone) => phone.number !== lead.sellerPhone);
  const facts: Array<{ label: string; value: string | null }> = [
    { label: 'Other phones', value: otherPhones.length > 0 ? otherPhones.map(describeListPhone).join(' · ') : null },
    { label: 'Mailing address', value: details.mailingAddress },
    { label: 'County', value: details.county },
    { label: 'APN', value: details.apn },
    { label: 'ZIP+4', value: details.zipPlus4 && `${lead.zip}-${details.zipPlus4}` },
    { label: 'Est. equity', value: details.estimatedEquity === null ? null : money(details.estimatedEquity) },
    { label: 'LTV', value: details.ltv === null ? null : `${details.ltv} %` },
  ];
  return facts.filter((fact): fact is FactLine & { value: string } => fact.value !== null && fact.value !== '');
}

function LeadFacts({ lead }: { lead: Lead }) {
  const facts: FactLine[] = [
    { label: 'Phone', value: orDash(lead.sellerPhone), across: true },
    { label: 'Email', value: orDash(lead.sellerEmail), across: true },
    { label: 'Source', value: optionLabel(lead.source) },
    { label: 'Type', value: optionLabel(lead.propertyType) },
    { label: 'Beds / baths', value: `${orDash(lead.beds)} / ${orDash(lead.baths)}` },
    { label: 'Sq ft', value: orDash(lead.sqft) },
    { label: 'Year built', value: orDash(lead.yearBuilt) },
    { label: 'Score', value: describeLeadScore({ score: lead.score, parts: lead.scoreParts }) },
    { label: 'Motivation', value: lead.motivation == null ? '—' : `${lead.motivation} / 5` },
    { label: 'Next follow-up', value: lead.nextFollowUpAt ? fullDate(lead.nextFollowUpAt) : '—' },
    { label: 'Created', value: fullDate(lead.createdAt) },
    ...listFacts(lead),
  ];
  return (
    <dl className="facts">
      {facts.map(({ label, value, across }) => (
        <Fact key={label} label={label} across={across}>
          {value}
        </Fact>
      ))}
      {lead.tags.length > 0 && (
        <Fact label="Tags" valueClass="chips">
          {lead.tags.map((tag) => (
            <span key={tag} className="chip">
              {tag}
            </span>
          ))}
        </Fact>
      )}
    </dl>
  );
}

/** One lead: facts, deal math, pipeline moves, buyers who fit, offers, tasks, notes and history. */
export function LeadDetailPage() {
  const { id = '' } = useParams();
  const lead = useQuery({ queryKey: ['leads', 'detail', id], queryFn: () => getLead(id) });
  useRecentView('lead', id);
  const denied = useDeniedReason();

  return (
    <DetailPage
      query={lead}
      list={{ to: '/leads', label: 'Leads', noun: 'lead' }}
      header={(data) => ({
        crumb: data.city,
        title: data.sellerName,
        status: data.status,
        badges: (
          <>
            {data.mergedIntoId ? <span className="muted small">(merged)</span> : data.deadReason && <span className="muted small">({optionLabel(data.deadReason)})</span>}
            {data.archivedAt && !data.mergedIntoId && <StatusPill status="ARCHIVED" />}
          </>
        ),
        subtitle: `${data.street}, ${data.city}, ${data.state} ${data.zip}`,
        // A merged lead stays archived: its work is on the survivor.
        actions: !data.mergedIntoId && <ArchiveControl kind="lead" id={data.id} archived={data.archivedAt !== undefined} denied={denied('archive', { type: 'lead', ownerId: data.ownerId })} />,
        workflowId: leadWorkflowId(data.id),
      })}
    >
      {(data) =>
        data.mergedIntoId ? (
          // A merged lead's work is on the survivor: only what it was, and its story, stay here.
          <FrozenRecordLayout
            notice={<MergedNotice kind="lead" mergedIntoId={data.mergedIntoId} />}
            title="Lead"
            titleId="facts-title"
            facts={<LeadFacts lead={data} />}
            aside={<HistoryTimeline entityType="lead" id={data.id} />}
          />
        ) : data.archivedAt ? (
          // An archived lead's automation is stopped and it cannot be changed: what it was, its tasks (the automatic ones cancelled) and its story.
          <FrozenRecordLayout
            notice={<ArchivedNotice kind="lead" archivedAt={data.archivedAt} />}
            title="Lead"
            titleId="facts-title"
            facts={<LeadFacts lead={data} />}
            aside={
              <>
                <TaskList subject={{ leadId: data.id }} />
                <HistoryTimeline entityType="lead" id={data.id} />
              </>
            }
          />
        ) : (
          <div className="detail-grid">
            <div className="stack">
              <DuplicatesPanel kind="lead" id={data.id} denied={denied('update', { type: 'lead', ownerId: data.ownerId })} />
              <EditableCard
                id="facts-title"
                title="Lead"
                editLabel="Edit"
                denied={denied('update', { type: 'lead', ownerId: data.ownerId })}
                facts={<LeadFacts lead={data} />} form={(close) => <LeadEditForm lead={data} onDone={close} />}>
                <DealMath lead={data} />
              </EditableCard>
              <section className="card" aria-labelledby="status-title">
                <header className="card-header">
                  <h2 id="status-title">Pipeline</h2>
                </header>
                <LeadStatusControl lead={data} denied={denied('update', { type: 'lead', ownerId: data.ownerId })} />
                <LeadOwnerControl lead={data} />
              </section>
              <LeadMatches leadId={data.id} status={data.status} suggestedAmount={data.mao ?? data.askingPrice} />
              <OfferList leadId={data.id} leadOwnerId={data.ownerId} suggestedAmount={data.mao ?? data.askingPrice} leadOver={data.status === 'DEAD' || data.status === 'CLOSED'} leadStatus={data.status} />
            </div>
            <div className="stack">
              <TaskList subject={{ leadId: data.id }} />
              <NotesPanel subject={{ leadId: data.id }} />
              <DocumentsPanel subject={{ leadId: data.id }} />
              <HistoryTimeline entityType="lead" id={data.id} />
            </div>
          </div>
        )
      }
    </DetailPage>
  );
}
