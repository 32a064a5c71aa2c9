import { DEAD_REASONS, LEAD_STATUSES } from '../leads/lead-statuses';
import { LEAD_SOURCES, PROPERTY_TYPES } from '../leads/lead-enums';
import { TASK_PRIORITIES, TASK_STATUSES, TASK_TYPES } from '../tasks/task-enums';
import { OFFER_KINDS } from '../offers/offer-kinds';
import { OFFER_STATUSES } from '../offers/offer-transitions';
import { BUYER_STATUSES, BUYER_STRATEGIES } from '../buyers/buyer-enums';
import { DOCUMENT_KINDS } from '../documents/document-kinds';
import { USER_ROLES } from '../users/user-roles';
import { EVENT_NAMES } from '../events/event-name';
import { DEAD_REASON_LABELS, LEAD_SOURCE_LABELS, LEAD_STATUS_LABELS, PROPERTY_TYPE_LABELS } from './lead-labels';
import { TASK_PRIORITY_LABELS, TASK_STATUS_LABELS, TASK_TYPE_LABELS } from './task-labels';
import { OFFER_KIND_LABELS, OFFER_STATUS_LABELS } from './offer-labels';
import { BUYER_STATUS_LABELS, BUYER_STRATEGY_LABELS } from './buyer-labels';
import { DOCUMENT_KIND_LABELS } from './document-labels';
import { USER_ROLE_LABELS } from './user-labels';
import { EVENT_LABELS } from './event-labels';
import { CALL_OUTCOMES } from '../calls/call-outcomes';
import { CALL_RETRY_DELAYS } from '../calls/next-call-attempt';
import { CALL_OUTCOME_LABELS, CALL_RETRY_DELAY_LABELS } from './call-labels';
import { EMAIL_MODE_LABELS, NOTIFICATION_KIND_LABELS } from './notification-labels';
import { NOTIFICATION_KINDS } from '../notifications/notification-kinds';
import { EMAIL_MODES } from '../notifications/email-modes';
import { IMPORT_PROVIDERS, IMPORT_STATUSES } from '../imports/import-enums';
import { IMPORT_PROVIDER_LABELS, IMPORT_STATUS_LABELS } from './import-labels';

/** Every enum people see, with its label table: the web app, CSVs and refusals read these. */
export const LABEL_TABLES: ReadonlyArray<{ name: string; values: readonly string[]; labels: Readonly<Record<string, string>> }> = [
  { name: 'lead status', values: LEAD_STATUSES, labels: LEAD_STATUS_LABELS },
  { name: 'property type', values: PROPERTY_TYPES, labels: PROPERTY_TYPE_LABELS },
  { name: 'lead source', values: LEAD_SOURCES, labels: LEAD_SOURCE_LABELS },
  { name: 'dead reason', values: DEAD_REASONS, labels: DEAD_REASON_LABELS },
  { name: 'task type', values: TASK_TYPES, labels: TASK_TYPE_LABELS },
  { name: 'task priority', values: TASK_PRIORITIES, labels: TASK_PRIORITY_LABELS },
  { name: 'task status', values: TASK_STATUSES, labels: TASK_STATUS_LABELS },
  { name: 'offer kind', values: OFFER_KINDS, labels: OFFER_KIND_LABELS },
  { name: 'offer status', values: OFFER_STATUSES, labels: OFFER_STATUS_LABELS },
  { name: 'buyer status', values: BUYER_STATUSES, labels: BUYER_STATUS_LABELS },
  { name: 'buyer strategy', values: BUYER_STRATEGIES, labels: BUYER_STRATEGY_LABELS },
  { name: 'document kind', values: DOCUMENT_KINDS, labels: DOCUMENT_KIND_LABELS },
  { name: 'user role', values: USER_ROLES, labels: USER_ROLE_LABELS },
  { name: 'call outcome', values: CALL_OUTCOMES, labels: CALL_OUTCOME_LABELS },
  { name: 'next call attempt', values: CALL_RETRY_DELAYS, labels: CALL_RETRY_DELAY_LABELS },
  { name: 'event', values: EVENT_NAMES, labels: EVENT_LABELS },
  { name: 'notification kind', values: NOTIFICATION_KINDS, labels: NOTIFICATION_KIND_LABELS },
  { name: 'e-mail mode', values: EMAIL_MODES, labels: EMAIL_MODE_LABELS },
  { name: 'import status', values: IMPORT_STATUSES, labels: IMPORT_STATUS_LABELS },
  { name: 'list provider', values: IMPORT_PROVIDERS, labels: IMPORT_PROVIDER_LABELS },
];

// Values shared by two enums (NEW, OTHER) carry the same word in both tables; the test checks it.
const ANY_LABEL: Readonly<Record<string, string>> = Object.assign({}, ...LABEL_TABLES.filter((table) => table.name !== 'event' && table.name !== 'notification kind').map((table) => table.labels));

/**
 * The words for any enum value people see (a status, type, source, role…), for places that
 * show a value without knowing its enum; `fallback` (or the value) when it is not one.
 */
export const labelOf = (value: string, fallback: (value: string) => string = (raw) => raw): string => ANY_LABEL[value] ?? fallback(value);
