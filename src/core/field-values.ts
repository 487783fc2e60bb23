import type { EditableFieldName } from '../cdf/model';
import { kindOf } from './fields';

export { deepEqual, sameValue } from './fields';

/**
 * When two values of one field mean the same to the API (see each kind's `same`). Shared by the
 * diff (nothing to send) and by validation (a field a linked file cannot change is unchanged).
 */
export const sameFieldValue = (name: EditableFieldName, a: unknown, b: unknown): boolean => kindOf(name).same(a, b);
