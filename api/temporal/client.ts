import { Client, Connection } from '@temporalio/client';

/** What a route needs to reach the workflows: the client and the task queue new runs go to. */
export interface TemporalDeps {
  temporal: Client;
  taskQueue: string;
}

export async function connectTemporal(address: string, namespace: string): Promise<Client> {
  const connection = await Connection.connect({ address });
  return new Client({ connection, namespace });
}
