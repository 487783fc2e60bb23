import * as l10n from '@vscode/l10n';
import * as z from 'zod/mini';
import {
  allOf,
  cogniteFileValues,
  directRelation,
  fileProperty,
  nodeField,
  nodeKeyOf,
  spaceId,
  type CogniteFileNode,
  type DirectRelation,
  type InstanceFilter,
} from '../../cdf/model';

/**
 * What the files view narrows CogniteFile nodes to, as a person picks it, and its translation into
 * the instances filter language. Every field narrows (AND); a list field matches any of its values.
 */
export const nodeFilter = z.strictObject({
  spaces: z.optional(z.array(spaceId).check(z.minLength(1))),
  directoryPrefix: z.optional(z.string().check(z.minLength(1))),
  /** null: nodes without a MIME type. */
  mimeType: z.optional(z.nullable(z.string().check(z.minLength(1)))),
  /** null: nodes without a category. */
  category: z.optional(z.nullable(directRelation)),
  /** Nodes with any of these tags. */
  tags: z.optional(z.array(z.string()).check(z.minLength(1))),
  /** Nodes linked to any of these assets. */
  assets: z.optional(z.array(directRelation).check(z.minLength(1))),
  uploaded: z.optional(z.boolean()),
  source: z.optional(directRelation),
});
export type NodeFilter = z.infer<typeof nodeFilter>;

/** The filter as `instances/list`, `search` and `aggregate` take it; undefined when it narrows nothing. */
export function toInstanceFilter(f: NodeFilter): InstanceFilter | undefined {
  return allOf([
    f.spaces && { in: { property: nodeField('space'), values: f.spaces } },
    f.directoryPrefix !== undefined
      ? { prefix: { property: fileProperty('directory'), value: f.directoryPrefix } }
      : undefined,
    f.mimeType ? { equals: { property: fileProperty('mimeType'), value: f.mimeType } } : undefined,
    f.mimeType === null ? { not: { exists: { property: fileProperty('mimeType') } } } : undefined,
    f.category ? { equals: { property: fileProperty('category'), value: f.category } } : undefined,
    f.category === null ? { not: { exists: { property: fileProperty('category') } } } : undefined,
    f.tags && { containsAny: { property: fileProperty('tags'), values: f.tags } },
    f.assets && { containsAny: { property: fileProperty('assets'), values: f.assets } },
    // An unset isUploaded is "not uploaded" too, which equals:false would not match.
    f.uploaded === true ? { equals: { property: fileProperty('isUploaded'), value: true } } : undefined,
    f.uploaded === false ? { not: { equals: { property: fileProperty('isUploaded'), value: true } } } : undefined,
    f.source && { equals: { property: fileProperty('source'), value: f.source } },
  ]);
}

const sameRelation = (a: DirectRelation | null | undefined, b: DirectRelation): boolean =>
  !!a && a.space === b.space && a.externalId === b.externalId;

/** Does the node fit the filter? The same rules CDF applies to {@link toInstanceFilter}'s answer. */
export function nodeFitsFilter(node: CogniteFileNode, f: NodeFilter): boolean {
  const v = cogniteFileValues(node);
  const checks = [
    !f.spaces || f.spaces.includes(node.space),
    f.directoryPrefix === undefined || (v.directory ?? undefined)?.startsWith(f.directoryPrefix) === true,
    f.mimeType === undefined || (v.mimeType ?? null) === f.mimeType,
    f.category === undefined || (f.category === null ? !v.category : sameRelation(v.category, f.category)),
    !f.tags || f.tags.some((t) => v.tags?.includes(t)),
    !f.assets || f.assets.some((a) => v.assets?.some((b) => sameRelation(b, a))),
    f.uploaded === undefined || (v.isUploaded === true) === f.uploaded,
    !f.source || sameRelation(v.source, f.source),
  ];
  return checks.every(Boolean);
}

/** A short line for the view: what the CogniteFile section is narrowed to. */
export function describeNodeFilter(f: NodeFilter, search: string | undefined): string {
  const parts: string[] = [];
  if (search) parts.push(l10n.t('search "{0}"', search));
  if (f.spaces) parts.push(l10n.t('space {0}', f.spaces.join('|')));
  if (f.directoryPrefix) parts.push(l10n.t('in {0}', f.directoryPrefix));
  if (f.mimeType !== undefined) parts.push(f.mimeType ?? l10n.t('no MIME type'));
  if (f.category !== undefined)
    parts.push(f.category ? l10n.t('category {0}', nodeKeyOf(f.category)) : l10n.t('no category'));
  if (f.tags) parts.push(l10n.t('tags any of {0}', f.tags.join(', ')));
  if (f.assets) parts.push(l10n.t('assets any of {0}', f.assets.map(nodeKeyOf).join(', ')));
  if (f.uploaded !== undefined) parts.push(f.uploaded ? l10n.t('uploaded') : l10n.t('not uploaded'));
  if (f.source) parts.push(l10n.t('source {0}', nodeKeyOf(f.source)));
  return parts.join(' · ');
}
