import assert from 'node:assert/strict';
import { LIMITS } from '../../../../src/cdf/model';
import { checkDirectory } from '../../../../src/core/classic-file';
import {
  checkMetadataKey,
  checkRegex,
  compileAction,
  validateOperation,
  validateOperations,
} from '../../../../src/core/bulk';
import { CLASSIC_FILE_BULK } from '../../../../src/core/classic-file';

/** `[where, code]` of each error, the part a wizard uses to put a message beside a parameter. */
const errors = (op: unknown) =>
  validateOperation(CLASSIC_FILE_BULK, op)
    .filter((p) => p.severity === 'error')
    .map((p) => [p.where, p.code]);

describe('validateOperation: one message per parameter at fault', () => {
  it('accepts well-formed operations of every kind', () => {
    const ops: unknown[] = [
      { op: 'set', field: 'source', value: 'SAP' },
      { op: 'set', field: 'sourceCreatedTime', value: 0 },
      { op: 'set', field: 'labels', value: [{ externalId: 'a' }] },
      { op: 'clear', field: 'dataSetId' },
      { op: 'add', field: 'assetIds', values: [1, LIMITS.maxId] },
      { op: 'remove', field: 'labels', values: [{ externalId: 'pump' }] },
      { op: 'metadataAdd', key: 'rev', value: '' },
      { op: 'metadataRemove', key: 'rev' },
      { op: 'metadataRenameKey', from: 'a', to: 'b', ifTargetExists: 'overwrite' },
      { op: 'metadataReplace', find: '(a|b)+', replacement: '$1', regex: true, flags: 'iu', keys: ['k'] },
      { op: 'directoryMove', from: '/plant-a/old', to: '/plant-b/new' },
    ];
    for (const op of ops) assert.deepEqual(errors(op), [], JSON.stringify(op));
  });

  it('names an invalid metadata key, and a value over its byte limit (counted in UTF-8)', () => {
    assert.deepEqual(errors({ op: 'metadataAdd', key: '', value: 'x' }), [], 'the empty key is legal, as in the model');
    assert.deepEqual(errors({ op: 'metadataAdd', key: 'k'.repeat(LIMITS.metadataKeyBytes + 1), value: 'x' }), [
      ['key', 'parameter'],
    ]);
    const twoByteChars = 'é'.repeat(LIMITS.metadataValueBytes / 2 + 1);
    assert.ok(twoByteChars.length < LIMITS.metadataValueBytes);
    assert.deepEqual(errors({ op: 'metadataAdd', key: 'k', value: twoByteChars }), [['value', 'parameter']]);
  });

  it('names a label external id that is too long, and the index of a bad element', () => {
    const long = { externalId: 'l'.repeat(LIMITS.labelExternalIdLength + 1) };
    assert.deepEqual(errors({ op: 'add', field: 'labels', values: [{ externalId: 'ok' }, long] }), [
      ['values[1]', 'parameter'],
    ]);
    assert.deepEqual(errors({ op: 'add', field: 'labels', values: ['pump'] }), [['values[0]', 'parameter']]);
  });

  it('names an id out of range or not whole', () => {
    assert.deepEqual(errors({ op: 'add', field: 'assetIds', values: [0, 1.5, LIMITS.maxId + 1, '7'] }), [
      ['values[0]', 'parameter'],
      ['values[1]', 'parameter'],
      ['values[2]', 'parameter'],
      ['values[3]', 'parameter'],
    ]);
    assert.deepEqual(errors({ op: 'set', field: 'dataSetId', value: -1 }), [['value', 'parameter']]);
  });

  it('refuses a directory that is not absolute, in set and in move', () => {
    assert.deepEqual(errors({ op: 'set', field: 'directory', value: 'plant-a' }), [['value', 'parameter']]);
    assert.deepEqual(errors({ op: 'directoryMove', from: 'a', to: '/b' }), [['from', 'parameter']]);
    assert.deepEqual(errors({ op: 'directoryMove', from: '/a/', to: '/a' }), [['to', 'parameter']]);
  });

  it('refuses a regex that does not compile, and flags it does not support', () => {
    assert.deepEqual(errors({ op: 'metadataReplace', find: '(unclosed', replacement: '', regex: true }), [
      ['find', 'parameter'],
    ]);
    assert.deepEqual(errors({ op: 'metadataReplace', find: 'a', replacement: '', regex: true, flags: 'y' }), [
      ['flags', 'parameter'],
    ]);
    assert.deepEqual(errors({ op: 'metadataReplace', find: '', replacement: 'x' }), [['find', 'parameter']]);
    assert.deepEqual(errors({ op: 'metadataReplace', find: 'a', replacement: 'x', keys: [] }), [['keys', 'shape']]);
  });

  it('refuses an operation the field does not allow', () => {
    assert.deepEqual(errors({ op: 'set', field: 'name', value: 'x.pdf' }), [['field', 'not-allowed']]);
    assert.match(
      validateOperation(CLASSIC_FILE_BULK, { op: 'set', field: 'name', value: 'x' })[0]?.message ?? '',
      /cannot rename/,
    );
    assert.deepEqual(errors({ op: 'clear', field: 'lastUpdatedTime' }), [['field', 'not-allowed']]);
    assert.deepEqual(errors({ op: 'add', field: 'source', values: ['x'] }), [['field', 'not-allowed']]);
    assert.deepEqual(errors({ op: 'remove', field: 'metadata', values: ['x'] }), [['field', 'not-allowed']]);
    assert.deepEqual(errors({ op: 'set', field: 'colour', value: 'red' }), [['field', 'not-allowed']]);
  });

  it('refuses adding more elements than a record may hold at all', () => {
    const values = Array.from({ length: LIMITS.labels + 1 }, (_, i) => ({ externalId: `l${i}` }));
    assert.deepEqual(errors({ op: 'add', field: 'labels', values }), [['values', 'limit']]);
  });

  it('reports malformed operations: unknown op, missing or extra parameters, set with null', () => {
    assert.deepEqual(errors({ op: 'frobnicate' }), [['op', 'shape']]);
    assert.deepEqual(errors('set'), [['operation', 'shape']]);
    assert.deepEqual(errors({ op: 'metadataAdd', key: 'k' }), [['value', 'shape']]);
    assert.deepEqual(errors({ op: 'metadataRemove', key: 'k', vaule: 1 }), [['vaule', 'shape']]);
    assert.deepEqual(errors({ op: 'set', field: 'source', value: null }), [['value', 'shape']]);
    assert.deepEqual(errors({ op: 'metadataRenameKey', from: 'a', to: 'a' }), [['to', 'parameter']]);
  });

  it('warns, without blocking, that one external id for many files will clash', () => {
    const problems = validateOperation(CLASSIC_FILE_BULK, { op: 'set', field: 'externalId', value: 'x' });
    assert.deepEqual(
      problems.map((p) => p.severity),
      ['warning'],
    );
    assert.equal(compileAction(CLASSIC_FILE_BULK, [{ op: 'set', field: 'externalId', value: 'x' }]).ok, true);
  });

  it('numbers the operation of each problem in an action, and refuses an empty action', () => {
    const problems = validateOperations(CLASSIC_FILE_BULK, [
      { op: 'metadataRemove', key: 'ok' },
      { op: 'metadataRemove', key: 'k'.repeat(LIMITS.metadataKeyBytes + 1) },
    ]);
    assert.deepEqual(
      problems.map((p) => [p.operation, p.where]),
      [[1, 'key']],
    );
    assert.equal(validateOperations(CLASSIC_FILE_BULK, [])[0]?.code, 'shape');
    assert.equal(compileAction(CLASSIC_FILE_BULK, [{ op: 'clear', field: 'id' }]).ok, false);
  });
});

describe('parameter checks for a wizard input box', () => {
  it('return undefined for a good value and a sentence otherwise', () => {
    assert.equal(checkMetadataKey('rev'), undefined);
    assert.match(checkMetadataKey('ü'.repeat(LIMITS.metadataKeyBytes)) ?? '', /bytes/);
    assert.equal(checkDirectory('/a/b'), undefined);
    assert.match(checkDirectory('a/b') ?? '', /absolute/);
    assert.match(checkDirectory('/' + 'x'.repeat(LIMITS.directoryLength)) ?? '', /at most/);
    assert.equal(checkRegex('a+', 'i'), undefined);
    assert.match(checkRegex('[') ?? '', /does not compile/);
  });
});
