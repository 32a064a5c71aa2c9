import { z } from 'zod';
import { distinctTags } from '../leads/distinct-tags';
import { IMPORT_PROVIDERS, IMPORT_STATUSES } from './import-enums';
export { IMPORT_PROVIDERS, IMPORT_STATUSES, type ImportProvider, type ImportStatus } from './import-enums';

export const PHONE_SLOTS = [1, 2, 3, 4, 5] as const;

/** What a CSV column can become on a lead (a column mapped to null is left out). */
export const IMPORT_FIELDS = [
  'street', 'fullAddress', 'unit', 'city', 'state', 'zip', 'county', 'apn',
  'sellerName', 'owner1FirstName', 'owner1LastName', 'owner2FirstName', 'owner2LastName', 'ownerCompany',
  'mailingStreet', 'mailingUnit', 'mailingCity', 'mailingState', 'mailingZip',
  ...PHONE_SLOTS.flatMap((n) => [`phone${n}`, `phone${n}Type`, `phone${n}Dnc`] as const),
  'email1', 'email2', 'email3',
  'propertyType', 'beds', 'baths', 'sqft', 'yearBuilt', 'arv', 'estimatedEquity', 'ltv', 'askingPrice', 'tags',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** CSV column → lead field (or null: not imported). */
export type ImportMapping = Record<string, ImportField | null>;
export const importMappingSchema = z.record(z.string(), z.enum(IMPORT_FIELDS).nullable(), 'must be a JSON object of column name → lead field (or null)');

export const ON_DUPLICATE = ['skip', 'update'] as const;

/** Rows per batch (one batch file, one activity); a batch is written in shorter transactions, each with its event and the row cursor. */
export const IMPORT_BATCH_SIZE = 1000;

const jsonField = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((value) => {
    if (typeof value !== 'string') return value;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }, schema);

/** The multipart fields of `POST /api/imports` (beside `file`). */
export const startImportFieldsSchema = z.object({
  mapping: jsonField(importMappingSchema).optional(),
  ownerId: z.string().trim().min(1).optional(),
  tags: z
    .preprocess((value) => {
      if (typeof value !== 'string') return value;
      const text = value.trim();
      if (text.startsWith('[')) {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          return value;
        }
      }
      return text ? text.split(',') : [];
    }, z.array(z.string().trim().min(1).max(40, 'must be at most 40 characters')).max(20, 'at most 20 tags').transform(distinctTags))
    .default([]),
  onDuplicate: z.enum(ON_DUPLICATE).default('skip'),
});
export type StartImportFields = z.infer<typeof startImportFieldsSchema>;

export const importSchema = z.object({
  id: z.string(),
  status: z.enum(IMPORT_STATUSES),
  provider: z.enum(IMPORT_PROVIDERS).nullable(),
  fileName: z.string(),
  total: z.number().int(),
  processed: z.number().int(),
  created: z.number().int(),
  duplicates: z.number().int(),
  errors: z.number().int(),
  /** Rows a cancelled or failed import stopped before: created + duplicates + errors + notImported = total. */
  notImported: z.number().int(),
  onDuplicate: z.enum(ON_DUPLICATE),
  ownerId: z.string(),
  createdById: z.string(),
  tags: z.array(z.string()),
  cancelRequested: z.boolean(),
  failure: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportItem = z.infer<typeof importSchema>;
