// No zod here: the web app's first bundle reads these (labels), and its schemas load with the forms.
export const IMPORT_PROVIDERS = ['PROPSTREAM', 'DEALMACHINE', 'BATCHLEADS'] as const;
export type ImportProvider = (typeof IMPORT_PROVIDERS)[number];
export const IMPORT_STATUSES = ['QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
