// The CLI for both record kinds: `render` prints the document a record opens as, `diff --kind
// cognite-file` the one upsert a save of a node sends, or the problems (exit 2), in process, as a
// process, and as the built bundle.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cogniteFileNode, nodeUpsertRequest, type FileRecord } from '../../../src/cdf/model';
import { main, type CliIo } from '../../../src/cli/cli';
import { CLASSIC_FILE, COGNITE_FILE, cogniteFileRecord } from '../../../src/core/records';

const root = path.resolve(__dirname, '..', '..', '..');
const nodes = (name: string) => path.join(root, 'test', 'fixtures', 'nodes', name);
const records = (name: string) => path.join(root, 'test', 'fixtures', 'records', name);
const text = (file: string) => fs.readFileSync(file, 'utf8');

function run(argv: string[], files: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readFile: (p) => files[p] ?? fs.readFileSync(p, 'utf8'),
  };
  return { code: main(argv, io), stdout, stderr };
}

const NODE = cogniteFileRecord(cogniteFileNode.parse(JSON.parse(text(nodes('node.json')))));
const NODE_ARGS = ['--kind', 'cognite-file', nodes('node.json')];

describe('cli: both record kinds', () => {
  it('render prints the document each kind opens as; its output diffs to nothing', () => {
    const r = run(['render', ...NODE_ARGS]);
    assert.deepEqual([r.code, r.stderr], [0, '']);
    assert.deepEqual(JSON.parse(r.stdout), COGNITE_FILE.document.render(NODE));
    assert.equal(r.stdout, text(nodes('node.document.json')));
    const again = run(['diff', ...NODE_ARGS, 'doc'], { doc: r.stdout });
    assert.deepEqual(again, {
      code: 0,
      stdout: '{\n  "items": [],\n  "autoCreateDirectRelations": false\n}\n',
      stderr: '',
    });

    const classic = run(['render', records('full.json')]);
    const full = JSON.parse(text(records('full.json'))) as FileRecord;
    assert.deepEqual([classic.code, JSON.parse(classic.stdout)], [0, CLASSIC_FILE.document.render(full)]);
    assert.deepEqual(run(['render', '--kind=classic-file', records('full.json')]).stdout, classic.stdout);
  });

  it('diff --kind cognite-file prints one upsert: only the changed properties, the opened version', () => {
    const r = run(['diff', ...NODE_ARGS, nodes('node.edited.json')]);
    assert.deepEqual([r.code, r.stderr], [0, '']);
    assert.equal(r.stdout, text(nodes('node.edited.expected.json')));
    const body = JSON.parse(r.stdout) as { items: { existingVersion: number; sources: { properties: object }[] }[] };
    assert.ok(nodeUpsertRequest.safeParse(body).success, 'a request the API accepts');
    assert.equal(body.items[0]!.existingVersion, 7);
    assert.deepEqual(Object.keys(body.items[0]!.sources[0]!.properties), ['name', 'tags', 'assets', 'directory']);
  });

  it('diff refuses a bad node document with each problem at its line and path, exit 2, nothing printed', () => {
    const doc = JSON.parse(text(nodes('node.document.json'))) as Record<string, unknown>;
    const edited = JSON.stringify(
      { ...doc, version: 6, assets: [{ space: '9bad', externalId: 'x' }], tags: 'pump', isUploaded: false },
      null,
      2,
    );
    const r = run(['diff', ...NODE_ARGS, 'e'], { e: edited });
    assert.deepEqual([r.code, r.stdout], [2, '']);
    const lines = r.stderr.trimEnd().split('\n');
    assert.deepEqual(
      lines.map((l) => /^e:\d+:\d+: (\$[^:]*):/.exec(l)?.[1]).sort(),
      ['$.assets[0].space', '$.isUploaded', '$.tags', '$.version'],
      r.stderr,
    );
  });

  it('diff refuses an ORIGINAL that is no node (a classic record, a whole response), exit 2', () => {
    const classic = run(['diff', '--kind', 'cognite-file', records('full.json'), nodes('node.edited.json')]);
    assert.deepEqual([classic.code, classic.stdout], [2, '']);
    assert.match(classic.stderr, /\$\.instanceType/);
    const response = JSON.stringify({ items: [JSON.parse(text(nodes('node.json')))] });
    const whole = run(['render', '--kind', 'cognite-file', 'r'], { r: response });
    assert.deepEqual([whole.code, whole.stdout], [2, '']);
    assert.match(whole.stderr, /whole API response/);
  });

  it('refuses an unknown kind or a wrong number of files with the usage, exit 2', () => {
    for (const argv of [
      ['diff', '--kind', 'asset', 'a', 'b'],
      ['diff', '--kind'],
      ['render', 'a', 'b'],
      ['render', '--kind', 'cognite-file'],
    ]) {
      const r = run(argv);
      assert.deepEqual([r.code, r.stdout], [2, ''], argv.join(' '));
      assert.match(r.stderr, /^error: .+\n\nUsage:/);
    }
  });
});

describe('cli: both record kinds as a process', function () {
  this.timeout(60_000);
  const spawn = (command: string[]) => {
    const r = spawnSync(process.execPath, command, { cwd: root, encoding: 'utf8' });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const cases = (cli: string[]) => {
    assert.deepEqual(spawn([...cli, 'diff', ...NODE_ARGS, nodes('node.edited.json')]), {
      code: 0,
      stdout: text(nodes('node.edited.expected.json')),
      stderr: '',
    });
    assert.deepEqual(spawn([...cli, 'render', ...NODE_ARGS]), {
      code: 0,
      stdout: text(nodes('node.document.json')),
      stderr: '',
    });
    const bad = spawn([...cli, 'diff', ...NODE_ARGS, records('full.json')]);
    assert.deepEqual([bad.code, bad.stdout], [2, '']);
  };

  it('src/cli/main.ts', () => cases(['--import', 'tsx', 'src/cli/main.ts']));

  it('dist/cli.js (after npm run build)', function () {
    const bundle = path.join(root, 'dist', 'cli.js');
    if (!fs.existsSync(bundle)) this.skip();
    cases([bundle]);
  });
});
