/**
 * Just enough of `POST /files/update` for scripted runner tests: all-or-nothing requests, 400 with
 * `missing` for unknown ids, 409 with `duplicated` for an external id already in use, and a plain
 * 400 (naming no item) for an item whose source is "INVALID". Counts what it applied.
 */
import type * as http from 'node:http';
import { cdfError, fileRecord, json, type SeenRequest } from './scripted-server';

type Item = { id?: number; externalId?: string; update: { source?: { set: string }; externalId?: { set: string } } };

export class FakeFiles {
  readonly files = new Map<number, { id: number; externalId?: string; source?: string }>();
  /** How many times each id had an update applied. */
  readonly applied = new Map<number, number>();

  constructor(count: number) {
    for (let id = 1; id <= count; id++) this.files.set(id, { id, externalId: `ext-${id}` });
  }

  private find(item: Item) {
    if (item.id !== undefined) return this.files.get(item.id);
    return [...this.files.values()].find((f) => f.externalId === item.externalId);
  }

  handle(req: SeenRequest, res: http.ServerResponse): boolean {
    const items = (req.body as { items: Item[] }).items;
    const missing = items
      .filter((i) => !this.find(i))
      .map((i) => (i.id !== undefined ? { id: i.id } : { externalId: i.externalId }));
    if (missing.length) {
      json(res, 400, cdfError(400, 'Files not found', { missing }));
      return false;
    }
    const taken = items
      .map((i) => i.update.externalId?.set)
      .filter((e): e is string => e !== undefined && [...this.files.values()].some((f) => f.externalId === e));
    if (taken.length) {
      json(
        res,
        409,
        cdfError(409, 'Duplicate external ids', { duplicated: taken.map((externalId) => ({ externalId })) }),
      );
      return false;
    }
    if (items.some((i) => i.update.source?.set === 'INVALID')) {
      json(res, 400, cdfError(400, 'Invalid source'));
      return false;
    }
    const out = items.map((i) => {
      const f = this.find(i)!;
      if (i.update.source) f.source = i.update.source.set;
      if (i.update.externalId) f.externalId = i.update.externalId.set;
      this.applied.set(f.id, (this.applied.get(f.id) ?? 0) + 1);
      return fileRecord(f.id, {
        ...(f.externalId ? { externalId: f.externalId } : {}),
        ...(f.source ? { source: f.source } : {}),
      });
    });
    json(res, 200, { items: out });
    return true;
  }
}
