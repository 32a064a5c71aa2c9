// No zod here: the web app's first bundle reads these (labels), and its schemas load with the forms.
export const DOCUMENT_KINDS = ['PURCHASE_CONTRACT', 'ASSIGNMENT_CONTRACT', 'PROOF_OF_FUNDS', 'DISCLOSURE', 'PHOTO', 'OTHER'] as const;
