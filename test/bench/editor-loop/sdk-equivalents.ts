/**
 * What a user of @cognite/sdk would write for the editor's three steps, making the same requests as
 * our editor: a first page of 200, a record by id rendered as JSON, and a save that re-reads the
 * record, checks nobody changed it, and sends the same minimal update.
 */
import type { CogniteClient, FileChangeUpdate, FileInfo } from '@cognite/sdk';
import type { FileChangeUpdate as OurFileChange } from '../../../src/cdf/model';

export async function sdkFirstPage(sdk: CogniteClient, pageSize: number): Promise<FileInfo[]> {
  const page = await sdk.files.list({ limit: pageSize });
  return page.items;
}

export async function sdkOpen(sdk: CogniteClient, id: number): Promise<string> {
  const [record] = await sdk.files.retrieve([{ id }]);
  return JSON.stringify(record, null, 2) + '\n';
}

/** Re-read, compare `lastUpdatedTime`, then update: 2 requests, like ours. */
export async function sdkSave(
  sdk: CogniteClient,
  base: { id: number; lastUpdatedTime: number },
  update: OurFileChange,
): Promise<FileInfo> {
  const [current] = await sdk.files.retrieve([{ id: base.id }]);
  if (current?.lastUpdatedTime.getTime() !== base.lastUpdatedTime) throw new Error('changed meanwhile');
  const [saved] = await sdk.files.update([{ id: base.id, update } as unknown as FileChangeUpdate]);
  if (!saved) throw new Error('no record returned');
  return saved;
}
