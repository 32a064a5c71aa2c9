import { isGrpcServiceError } from '@temporalio/client';
import { encodeSearchAttributeIndexedValueType } from '@temporalio/common/lib/search-attributes';
import type { NativeConnection } from '@temporalio/worker';
import { SEARCH_ATTRIBUTE_KEYS } from '../workflows/shared/search-attributes';

const GRPC_ALREADY_EXISTS = 6;
const GRPC_UNIMPLEMENTED = 12;

const grpcCode = (error: unknown): number | undefined => (isGrpcServiceError(error) ? error.code : undefined);

/**
 * Registers the workflows' custom search attributes (LeadStatus, Owner, Overdue, TaskStatus,
 * Assignee, DueAt) on the namespace, before the worker polls: a workflow upserting one the
 * namespace lacks would fail its task. Those already there are left alone, so every start does it.
 * Temporal's Java test server cannot list them: there each is added, "already exists" ignored.
 */
export async function ensureSearchAttributes(connection: Pick<NativeConnection, 'operatorService'>, namespace: string): Promise<string[]> {
  let existing: Set<string> | undefined;
  try {
    existing = new Set(Object.keys((await connection.operatorService.listSearchAttributes({ namespace })).customAttributes ?? {}));
  } catch (error) {
    if (grpcCode(error) !== GRPC_UNIMPLEMENTED) throw error;
  }
  const missing = SEARCH_ATTRIBUTE_KEYS.filter((key) => !existing?.has(key.name));
  if (missing.length === 0) return [];
  try {
    await connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: Object.fromEntries(missing.map((key) => [key.name, encodeSearchAttributeIndexedValueType(key.type)!])),
    });
  } catch (error) {
    if (grpcCode(error) !== GRPC_ALREADY_EXISTS) throw error;
  }
  return missing.map((key) => key.name);
}
