import * as l10n from '@vscode/l10n';
import type { JsonPath } from '../json-path';

/** What a field at `path` must be, in words ("an array of ids (numbers)"). */
export function expectedNoun(expected: string, path: JsonPath): string {
  const field = path[0];
  if (path.length === 1) {
    if (field === 'metadata') return l10n.t('an object of string keys and string values');
    if (field === 'assetIds' || field === 'securityCategories') return l10n.t('an array of ids (numbers)');
    if (field === 'labels') return l10n.t('an array of labels like {"externalId": "pump"}');
    if (field === 'geoLocation') return l10n.t('a GeoJSON Feature object');
    if (field === 'instanceId') return l10n.t('an object {"space": "...", "externalId": "..."}');
  }
  if (field === 'labels' && path.length === 2) return l10n.t('a label like {"externalId": "pump"}');
  if (field === 'metadata' && path.length === 2) return l10n.t('a string (metadata values are strings)');
  switch (expected) {
    case 'string':
      return l10n.t('a string');
    case 'number':
      return l10n.t('a number');
    case 'int':
      return l10n.t('a whole number');
    case 'boolean':
      return l10n.t('true or false');
    case 'array':
    case 'tuple':
      return l10n.t('an array');
    case 'object':
    case 'record':
      return l10n.t('an object');
    default:
      return expected;
  }
}

export function itemNoun(path: JsonPath): string {
  if (path.length === 1 && (path[0] === 'assetIds' || path[0] === 'securityCategories')) return l10n.t('ids');
  if (path.length === 1 && path[0] === 'labels') return l10n.t('labels');
  return l10n.t('items');
}

export function allowedKeysHint(path: JsonPath): string {
  if (path[0] === 'labels' && path.length === 2)
    return ' ' + l10n.t('A label is {"externalId": "..."} and nothing else.');
  if (path[0] === 'geoLocation' && path.length === 1)
    return ' ' + l10n.t('A geoLocation has "type", "geometry" and "properties".');
  if (path[0] === 'geoLocation' && path[1] === 'geometry' && path.length === 2)
    return ' ' + l10n.t('A geometry has "type" and "coordinates".');
  return ' ' + l10n.t('Remove it.');
}
