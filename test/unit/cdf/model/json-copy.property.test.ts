// copyJson stands in for structuredClone where records copy values read from CDF: for any JSON value
// it makes what structuredClone makes, and shares no object or list with the original.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { copyJson } from '../../../../src/cdf/model';

const shared = (a: unknown, b: unknown): boolean =>
  typeof a === 'object' &&
  a !== null &&
  (a === b || Object.keys(a).some((k) => shared((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])));

describe('cdf model: copyJson copies a JSON value as structuredClone does', () => {
  it('equal to structuredClone (prototype-named keys too), nothing shared', () => {
    const json = fc.oneof(fc.jsonValue(), fc.constant(JSON.parse('{"__proto__":{"a":[1]},"b":[{"__proto__":2}]}')));
    fc.assert(
      fc.property(json, (value) => {
        const copy = copyJson(value);
        assert.deepStrictEqual(copy, structuredClone(value));
        assert.ok(!shared(value, copy), 'the copy shares an object or list with the original');
      }),
      { seed: 20261205, numRuns: 300 },
    );
  });
});
