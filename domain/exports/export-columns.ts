import type { Buyer } from '../buyers/buyer.schema';
import type { Lead } from '../leads/lead.schema';
import type { TaskListItem } from '../tasks/task-subject';
import { BUYER_STATUS_LABELS, BUYER_STRATEGY_LABELS } from '../labels/buyer-labels';
import { DEAD_REASON_LABELS, LEAD_SOURCE_LABELS, LEAD_STATUS_LABELS, PROPERTY_TYPE_LABELS } from '../labels/lead-labels';
import { TASK_PRIORITY_LABELS, TASK_STATUS_LABELS, TASK_TYPE_LABELS } from '../labels/task-labels';
import type { CsvColumn } from './csv-cell';

/** A row of an export with the names of the people it mentions (owner, assignee), looked up once. */
export type WithPeople<Row> = Row & { people: ReadonlyMap<string, string> };

const person = (people: ReadonlyMap<string, string>, id: string | null): string => (id ? (people.get(id) ?? '') : '');
/** `(937) 555-0102 (mobile, DNC)`: a phone a list gave, as the lead page shows it. */
export const describeListPhone = (phone: { number: string; type: string; dnc: boolean }): string =>
  `${phone.number} (${[phone.type.toLowerCase(), ...(phone.dnc ? ['DNC'] : [])].join(', ')})`;
const list = (values: readonly string[], labels?: Readonly<Record<string, string>>): string => values.map((value) => labels?.[value] ?? value).join(', ');

export const LEAD_EXPORT_COLUMNS: ReadonlyArray<CsvColumn<WithPeople<Lead>>> = [
  { header: 'Seller name', cell: (lead) => lead.sellerName },
  { header: 'Phone', cell: (lead) => lead.sellerPhone },
  { header: 'E-mail', cell: (lead) => lead.sellerEmail },
  { header: 'Street', cell: (lead) => lead.street },
  { header: 'City', cell: (lead) => lead.city },
  { header: 'State', cell: (lead) => lead.state },
  { header: 'ZIP', cell: (lead) => lead.zip },
  { header: 'Property type', cell: (lead) => PROPERTY_TYPE_LABELS[lead.propertyType] },
  { header: 'Status', cell: (lead) => LEAD_STATUS_LABELS[lead.status] },
  { header: 'Dead reason', cell: (lead) => (lead.deadReason ? (DEAD_REASON_LABELS[lead.deadReason as keyof typeof DEAD_REASON_LABELS] ?? lead.deadReason) : null) },
  { header: 'Source', cell: (lead) => LEAD_SOURCE_LABELS[lead.source] },
  { header: 'Asking price', cell: (lead) => lead.askingPrice },
  { header: 'ARV', cell: (lead) => lead.arv },
  { header: 'Repair estimate', cell: (lead) => lead.repairEstimate },
  { header: 'MAO', cell: (lead) => lead.mao },
  { header: 'Beds', cell: (lead) => lead.beds },
  { header: 'Baths', cell: (lead) => lead.baths },
  { header: 'Square feet', cell: (lead) => lead.sqft },
  { header: 'Year built', cell: (lead) => lead.yearBuilt },
  { header: 'Motivation', cell: (lead) => lead.motivation },
  { header: 'Score', cell: (lead) => lead.score },
  { header: 'Tags', cell: (lead) => list(lead.tags) },
  { header: 'Owner', cell: (lead) => person(lead.people, lead.ownerId) },
  { header: 'Next follow-up', cell: (lead) => lead.nextFollowUpAt },
  { header: 'Created', cell: (lead) => lead.createdAt },
  // What a list import gave beyond the lead's own fields (empty for a lead typed in).
  { header: 'Other phones', cell: (lead) => (lead.listDetails?.phones ?? []).filter((phone) => phone.number !== lead.sellerPhone).map(describeListPhone).join('; ') },
  { header: 'Mailing address', cell: (lead) => lead.listDetails?.mailingAddress ?? null },
  { header: 'County', cell: (lead) => lead.listDetails?.county ?? null },
  { header: 'APN', cell: (lead) => lead.listDetails?.apn ?? null },
  { header: 'Estimated equity', cell: (lead) => lead.listDetails?.estimatedEquity ?? null },
  { header: 'LTV %', cell: (lead) => lead.listDetails?.ltv ?? null },
  { header: 'ID', cell: (lead) => lead.id },
];

export const BUYER_EXPORT_COLUMNS: ReadonlyArray<CsvColumn<WithPeople<Buyer>>> = [
  { header: 'Name', cell: (buyer) => buyer.name },
  { header: 'Company', cell: (buyer) => buyer.company },
  { header: 'E-mail', cell: (buyer) => buyer.email },
  { header: 'Phone', cell: (buyer) => buyer.phone },
  { header: 'Status', cell: (buyer) => BUYER_STATUS_LABELS[buyer.status] },
  { header: 'Cash buyer', cell: (buyer) => buyer.cashBuyer },
  { header: 'Proof of funds', cell: (buyer) => buyer.proofOfFundsAmount },
  { header: 'Proof of funds verified', cell: (buyer) => buyer.pofVerifiedAt },
  { header: 'Proof of funds expires', cell: (buyer) => buyer.pofExpiresAt },
  { header: 'Markets', cell: (buyer) => list(buyer.markets) },
  { header: 'Property types', cell: (buyer) => list(buyer.propertyTypes, PROPERTY_TYPE_LABELS) },
  { header: 'Strategies', cell: (buyer) => list(buyer.strategies, BUYER_STRATEGY_LABELS) },
  { header: 'Min price', cell: (buyer) => buyer.minPrice },
  { header: 'Max price', cell: (buyer) => buyer.maxPrice },
  { header: 'Min beds', cell: (buyer) => buyer.minBeds },
  { header: 'Min baths', cell: (buyer) => buyer.minBaths },
  { header: 'Max repairs', cell: (buyer) => buyer.maxRepair },
  { header: 'E-mail opt-out', cell: (buyer) => buyer.emailOptOutAt },
  { header: 'Created', cell: (buyer) => buyer.createdAt },
  { header: 'ID', cell: (buyer) => buyer.id },
];

export const TASK_EXPORT_COLUMNS: ReadonlyArray<CsvColumn<WithPeople<TaskListItem>>> = [
  { header: 'Title', cell: (task) => task.title },
  { header: 'About', cell: (task) => task.subject?.label },
  { header: 'Type', cell: (task) => TASK_TYPE_LABELS[task.type] },
  { header: 'Priority', cell: (task) => TASK_PRIORITY_LABELS[task.priority] },
  { header: 'Status', cell: (task) => TASK_STATUS_LABELS[task.status] },
  { header: 'Due', cell: (task) => task.dueAt },
  { header: 'Overdue', cell: (task) => task.overdue },
  { header: 'Assignee', cell: (task) => person(task.people, task.assigneeId) },
  { header: 'Created by', cell: (task) => person(task.people, task.createdById) },
  { header: 'Completed', cell: (task) => task.completedAt },
  { header: 'Description', cell: (task) => task.description },
  { header: 'Created', cell: (task) => task.createdAt },
  { header: 'ID', cell: (task) => task.id },
];
