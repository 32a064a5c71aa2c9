import { labelOf } from './labels';

// Fields as the forms name them; any other field name is split into words ("followUpMs" → "Follow up ms").
const FIELD_LABELS: Readonly<Record<string, string>> = {
  sellerName: 'Seller name',
  sellerPhone: 'Phone',
  sellerEmail: 'Email',
  askingPrice: 'Asking price',
  arv: 'ARV',
  repairCost: 'Repair cost',
  repairs: 'Repairs',
  propertyType: 'Property type',
  propertyTypes: 'Property types',
  minPrice: 'Min price',
  maxPrice: 'Max price',
  minBeds: 'Min beds',
  dueAt: 'Due date',
  expiresAt: 'Expiry',
  ownerId: 'Owner',
  assigneeId: 'Assignee',
  leadId: 'Lead',
  buyerId: 'Buyer',
  taskId: 'Task',
  offerId: 'Offer',
  leadsTo: 'Who takes the open leads',
  deadReason: 'Reason',
  zip: 'ZIP',
  apn: 'APN',
  email: 'Email',
  q: 'Search',
  retryDelay: 'Next call attempt',
};

const words = (key: string): string => {
  const spaced = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
};

/**
 * A field (or a path into the body, `propertyTypes.0`) as people read it in a message: "Max price",
 * "Property types, item 1". The API's `fields` map keeps the field names for programs.
 */
export function fieldLabel(path: string): string {
  return path
    .split('.')
    .map((part, index) => (/^\d+$/.test(part) ? `item ${Number(part) + 1}` : index === 0 ? (FIELD_LABELS[part] ?? words(part)) : (FIELD_LABELS[part] ?? words(part)).toLowerCase()))
    .join(', ');
}

/** A problem as people read it: enum values in it ("must be one of NEW, CONTACTED") in their words. */
export function problemInWords(problem: string): string {
  return problem.replace(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b|\b[A-Z]{2,}\b/g, (value) => labelOf(value));
}
