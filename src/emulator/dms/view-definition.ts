import {
  CDM_SPACE,
  CDM_VERSION,
  CREATED_TIME,
  type CoreProperty,
  type CoreView,
  type ReverseProperty,
} from './core-views';

/** A core view as `POST /models/views/byids` returns it (`ViewDefinition`). */

const viewRef = (externalId: string) => ({ space: CDM_SPACE, externalId, version: CDM_VERSION, type: 'view' });
const containerRef = (externalId: string) => ({ space: CDM_SPACE, externalId, type: 'container' });

function propertyType(p: CoreProperty): Record<string, unknown> {
  const list = p.list === true;
  const limit = p.maxListSize === undefined ? {} : { maxListSize: p.maxListSize };
  if (p.type === 'text') return { type: 'text', list, ...limit, collation: 'ucs_basic' };
  if (p.type !== 'direct') return { type: p.type, list, ...limit };
  return {
    type: 'direct',
    list,
    ...limit,
    ...(p.targetContainer ? { container: containerRef(p.targetContainer) } : {}),
    ...(p.target ? { source: viewRef(p.target) } : {}),
  };
}

function mappedProperty(name: string, p: CoreProperty): Record<string, unknown> {
  const constraintState =
    p.nullable === false ? { nullability: 'current' } : p.maxListSize !== undefined ? { maxListSize: 'current' } : {};
  return {
    ...(p.name ? { name: p.name } : {}),
    container: containerRef(p.container),
    containerPropertyIdentifier: p.containerProperty ?? name,
    immutable: false,
    nullable: p.nullable !== false,
    autoIncrement: false,
    constraintState,
    type: propertyType(p),
  };
}

const reverseProperty = (r: ReverseProperty) => ({
  connectionType: 'multi_reverse_direct_relation',
  name: r.name,
  source: viewRef(r.source),
  through: { source: viewRef(r.source), identifier: r.through },
  targetsList: r.targetsList,
});

export function viewDefinition(view: CoreView): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const [name, p] of Object.entries(view.properties)) properties[name] = mappedProperty(name, p);
  for (const [name, r] of Object.entries(view.reverse)) properties[name] = reverseProperty(r);
  return {
    space: CDM_SPACE,
    externalId: view.externalId,
    version: CDM_VERSION,
    ...(view.name ? { name: view.name } : {}),
    implements: view.implements.map(viewRef),
    createdTime: CREATED_TIME,
    lastUpdatedTime: view.lastUpdatedTime,
    writable: true,
    queryable: true,
    usedFor: view.usedFor,
    isGlobal: true,
    properties,
    mappedContainers: view.mappedContainers.map(containerRef),
  };
}
