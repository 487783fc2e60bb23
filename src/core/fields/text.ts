import { scalarKind, showJson } from './scalar';

/** A string field (externalId, directory, source, mimeType): taken as typed, shown quoted. */
export const textKind = scalarKind({
  name: 'text',
  show: showJson,
  parseInput: (text) => ({ ok: true, value: text }),
});
