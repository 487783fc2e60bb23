import * as l10n from '@vscode/l10n';
import { parseJson } from './input';
import { scalarKind, showJson } from './scalar';

/** A GeoJSON Feature (geoLocation): one value, equal by content whatever its key order. */
export const geometryKind = scalarKind({
  name: 'geometry',
  show: showJson,
  parseInput: (text) => parseJson(text, l10n.t('a GeoJSON Feature (JSON)')),
});
