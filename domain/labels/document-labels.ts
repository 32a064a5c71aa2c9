import type { DOCUMENT_KINDS } from '../documents/document.schema';

export const DOCUMENT_KIND_LABELS: Record<(typeof DOCUMENT_KINDS)[number], string> = {
  PURCHASE_CONTRACT: 'Purchase contract',
  ASSIGNMENT_CONTRACT: 'Assignment contract',
  PROOF_OF_FUNDS: 'Proof of funds',
  DISCLOSURE: 'Disclosure',
  PHOTO: 'Photo',
  OTHER: 'Other',
};
