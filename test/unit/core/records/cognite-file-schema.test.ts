// The JSON Schema VS Code checks and completes a node's document with (package.json jsonValidation)
// is generated from the kind's zod schema and checked in; it must not drift from it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { cogniteFileJsonSchema, cogniteFileSelectionJsonSchema } from '../../../../src/core/records';

const root = path.resolve(__dirname, '..', '..', '..', '..');
const text = (schema: object) => JSON.stringify(schema, null, 2) + '\n';
const checkedIn = (name: string) => fs.readFileSync(path.join(root, 'schemas', name), 'utf8');

describe('generated JSON Schema of the CogniteFile document', () => {
  it('the checked-in schemas match the zod model (run `node esbuild.js --schema-only`)', () => {
    assert.equal(checkedIn('cognite-file-document.schema.json'), text(cogniteFileJsonSchema()));
    assert.equal(checkedIn('cognite-file-selection.schema.json'), text(cogniteFileSelectionJsonSchema()));
  });

  it('is what package.json gives VS Code for node documents and selections', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      contributes: { jsonValidation: { fileMatch: string; url: string }[] };
    };
    const urls = Object.fromEntries(pkg.contributes.jsonValidation.map((v) => [v.fileMatch, v.url]));
    assert.equal(urls['cdf-record:/*/nodes/*/*.json'], './schemas/cognite-file-document.schema.json');
    assert.equal(urls['cdf-record:/*/node-selection/*/*.json'], './schemas/cognite-file-selection.schema.json');
  });

  it('carries the limits, the read-only fields and the hover words', () => {
    const schema = cogniteFileJsonSchema() as {
      properties: Record<string, { anyOf?: { maxItems?: number }[]; readOnly?: boolean; markdownDescription?: string }>;
      additionalProperties: boolean;
    };
    assert.equal(schema.properties.tags!.anyOf![0]!.maxItems, 1000);
    assert.equal(schema.properties.assets!.anyOf![0]!.maxItems, 1200);
    for (const f of ['space', 'externalId', 'version', 'isUploaded', 'uploadedTime'])
      assert.equal(schema.properties[f]!.readOnly, true, f);
    assert.equal(schema.properties.name!.readOnly, undefined);
    assert.match(schema.properties.name!.markdownDescription!, /renamed/);
    assert.equal(schema.additionalProperties, false);
  });
});
