import { withName } from './describe-text';
import { parseInteger } from './input';
import { scalarKind, showJson } from './scalar';

/** The internal id of another resource (dataSetId): shown with that resource's name when known. */
export const idKind = scalarKind({
  name: 'id',
  show: (value, nameOf) => (typeof value === 'number' ? withName(value, nameOf) : showJson(value)),
  parseInput: (text, field) => parseInteger(text.trim(), field),
});
