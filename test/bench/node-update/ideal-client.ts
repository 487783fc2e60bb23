/**
 * A reference beside the floor, not a peer: a client with no work of its own while the clock runs.
 * Its upsert bodies (the tag added to each node's tags, with the version as `existingVersion`, as the
 * peers send them) are built from a read BEFORE the clock starts; then they go through `writeLimit`
 * slots back to back with plain fetch, no reads, no planning, nothing parsed but the status. It skips
 * the reads every real client needs, so it competes with no one: it shows how close the floor is to
 * what the emulator lets any client reach.
 */
import { COGNITE_FILE_VIEW } from '../../../src/cdf/model';
import type { Endpoint } from '../support/clients';
import { NODE_CHUNK } from './scenarios';

type Ref = { space: string; externalId: string };

interface ReadNode extends Ref {
  version: number;
  properties?: Record<string, Record<string, { tags?: unknown }>>;
}

/** A 429 is sent again at once; more than this many in one run means something else is wrong. */
const MAX_REFUSALS = 1000;

const instancesUrl = (endpoint: Endpoint, below = '') =>
  `${endpoint.baseUrl}/api/v1/projects/${endpoint.project}/models/instances${below}`;

async function post(endpoint: Endpoint, url: string, body: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    body,
    headers: { authorization: `Bearer ${endpoint.token}`, 'content-type': 'application/json' },
  });
}

/** The upsert bodies, one per chunk of 1000 nodes, from the nodes as the store holds them now. */
export async function prebuiltUpserts(endpoint: Endpoint, refs: readonly Ref[], tag: string): Promise<string[]> {
  const bodies: string[] = [];
  const viewKey = `${COGNITE_FILE_VIEW.externalId}/${COGNITE_FILE_VIEW.version}`;
  for (let at = 0; at < refs.length; at += NODE_CHUNK) {
    const items = refs.slice(at, at + NODE_CHUNK).map((r) => ({ instanceType: 'node', ...r }));
    const answer = await post(
      endpoint,
      instancesUrl(endpoint, '/byids'),
      JSON.stringify({ items, sources: [{ source: COGNITE_FILE_VIEW }] }),
    );
    if (!answer.ok) throw new Error(`the ideal client's read before the clock: ${answer.status}`);
    const nodes = ((await answer.json()) as { items: ReadNode[] }).items;
    const upserts = nodes.map((node) => {
      const tags = node.properties?.[COGNITE_FILE_VIEW.space]?.[viewKey]?.tags;
      return {
        instanceType: 'node',
        space: node.space,
        externalId: node.externalId,
        existingVersion: node.version,
        sources: [{ source: COGNITE_FILE_VIEW, properties: { tags: [...(Array.isArray(tags) ? tags : []), tag] } }],
      };
    });
    bodies.push(JSON.stringify({ items: upserts, autoCreateDirectRelations: false }));
  }
  return bodies;
}

/** Sends every body through `slots` slots, each the moment the slot's last answer is in. */
export async function sendBackToBack(endpoint: Endpoint, bodies: readonly string[], slots: number): Promise<void> {
  const url = instancesUrl(endpoint);
  let next = 0;
  let refusals = 0;
  const slot = async () => {
    while (next < bodies.length) {
      const body = bodies[next++]!;
      for (;;) {
        const answer = await post(endpoint, url, body);
        await answer.arrayBuffer();
        if (answer.status === 200) break;
        if (answer.status !== 429 || ++refusals > MAX_REFUSALS)
          throw new Error(`the ideal client's upsert was answered ${answer.status}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(slots, bodies.length) }, slot));
}
