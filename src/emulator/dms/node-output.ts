import { CDM_SPACE } from './core-views';
import type { NodeRecord, PropertyValue } from './instance-types';
import { viewValues } from './property-values';
import type { ViewReference } from './requests';

/** A node as reads return it (`NodeDefinition`), with the properties of the requested views. */
export interface NodeOutput {
  instanceType: 'node';
  space: string;
  externalId: string;
  version: number;
  createdTime: number;
  lastUpdatedTime: number;
  type?: { space: string; externalId: string };
  properties: Record<string, Record<string, Record<string, PropertyValue>>>;
}

export function nodeOutput(node: NodeRecord, views: readonly ViewReference[]): NodeOutput {
  const properties: NodeOutput['properties'] = {};
  for (const view of views) {
    if (view.space !== CDM_SPACE) continue;
    const values = viewValues(node, view.externalId);
    // A view group holds at least one property: a node without values in a view shows no group.
    if (Object.keys(values).length === 0) continue;
    (properties[view.space] ??= {})[`${view.externalId}/${view.version}`] = values;
  }
  return {
    instanceType: 'node',
    space: node.space,
    externalId: node.externalId,
    version: node.version,
    createdTime: node.createdTime,
    lastUpdatedTime: node.lastUpdatedTime,
    ...(node.type ? { type: { ...node.type } } : {}),
    properties,
  };
}
