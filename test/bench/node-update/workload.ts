/** The nodes every peer starts from, and the change each makes: one tag added to every node. */
import { COGNITE_FILE_VIEW, type CogniteFileUpsertItem } from '../../../src/cdf/model';
import { mapWithConcurrency, chunk } from '../../../src/cdf/client';
import { ourClient, type Endpoint } from '../support/clients';
import { NODE_CHUNK } from './scenarios';

export const NODE_SPACE = 'bench_nodes';

export const nodeRef = (i: number) => ({ space: NODE_SPACE, externalId: `file-${String(i).padStart(7, '0')}` });

/** `count` CogniteFile nodes, every other one with a tag of its own (the change must keep it). */
export async function createNodes(endpoint: Endpoint, count: number): Promise<void> {
  const client = ourClient(endpoint);
  const answer = await fetch(`${client.baseUrl.origin}/api/v1/projects/${endpoint.project}/models/spaces`, {
    method: 'POST',
    headers: { authorization: `Bearer ${endpoint.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ items: [{ space: NODE_SPACE }] }),
  });
  if (!answer.ok) throw new Error(`creating the space: ${answer.status} ${await answer.text()}`);
  const items = Array.from({ length: count }, (_, i): CogniteFileUpsertItem => ({
    instanceType: 'node',
    ...nodeRef(i),
    sources: [
      {
        source: COGNITE_FILE_VIEW,
        properties: { name: `file-${i}.pdf`, directory: `/bench/${i % 10}`, ...(i % 2 ? { tags: ['kept'] } : {}) },
      },
    ],
  }));
  await mapWithConcurrency(chunk(items, NODE_CHUNK), 2, (c) => client.models.upsertFileNodes(c));
}
