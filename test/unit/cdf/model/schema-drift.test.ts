import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileDocumentJsonSchema, fileSelectionJsonSchema } from '../../../../src/core/records';

const root = path.resolve(__dirname, '..', '..', '..', '..');
const generated = JSON.stringify(fileDocumentJsonSchema(), null, 2) + '\n';
const generatedSelection = JSON.stringify(fileSelectionJsonSchema(), null, 2) + '\n';

describe('generated JSON Schema of the record document', () => {
  it('the checked-in schemas/file-document.schema.json matches the zod model (run `npm run schema`)', () => {
    const checkedIn = fs.readFileSync(path.join(root, 'schemas', 'file-document.schema.json'), 'utf8');
    assert.equal(checkedIn, generated);
  });

  it('the checked-in schemas/file-selection.schema.json matches the zod model', () => {
    const checkedIn = fs.readFileSync(path.join(root, 'schemas', 'file-selection.schema.json'), 'utf8');
    assert.equal(checkedIn, generatedSelection);
    assert.equal(JSON.parse(generatedSelection).type, 'array');
  });

  it('the built dist/file-document.schema.json matches the zod model (run `npm run build`)', function () {
    const built = path.join(root, 'dist', 'file-document.schema.json');
    if (!fs.existsSync(built)) this.skip();
    assert.equal(fs.readFileSync(built, 'utf8'), generated);
  });

  it('carries the field limits and descriptions into the schema for hover and completion', () => {
    const schema = JSON.parse(generated);
    assert.equal(schema.properties.externalId.anyOf[0].maxLength, 255);
    assert.equal(schema.properties.assetIds.anyOf[0].maxItems, 1000);
    assert.equal(schema.properties.labels.anyOf[0].maxItems, 10);
    assert.equal(schema.properties.metadata.anyOf[0].propertyNames.maxLength, 128);
    assert.match(schema.properties.metadata.markdownDescription, /128 bytes/);
    assert.match(schema.properties.name.markdownDescription, /cannot rename/);
    assert.equal(schema.additionalProperties, false);
  });
});
