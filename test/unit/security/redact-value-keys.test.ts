// Logged API data may hold keys named like Object.prototype members: they are data, kept as own keys.
import assert from 'node:assert/strict';
import { redactValue } from '../../../src/cdf/logging';

describe('redactValue keeps prototype-named keys as ordinary keys', () => {
  it('a logged `__proto__` key stays an own key, masked inside like any other', () => {
    const logged = JSON.parse('{"metadata":{"__proto__":{"access_token":"s3cr3t","site":"A"},"constructor":"x"}}');
    const copy = redactValue(logged) as { metadata: Record<string, unknown> };
    assert.ok(Object.hasOwn(copy.metadata, '__proto__'));
    assert.equal(Object.getPrototypeOf(copy.metadata), Object.prototype);
    const text = JSON.stringify(copy);
    assert.match(text, /"__proto__":\{"access_token":"[^"]*","site":"A"\}/);
    assert.doesNotMatch(text, /s3cr3t/);
    assert.equal(copy.metadata.constructor, 'x');
  });
});
