import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileUpdateRequest, type FileRecord } from '../../../src/cdf/model';
import { main, USAGE, type CliIo } from '../../../src/cli/cli';
import { documentFromRecord, renderDocument } from '../../../src/core/records';
import { LIMIT_CASES, limitCaseFile } from '../../fixtures/records/limit-cases';

const root = path.resolve(__dirname, '..', '..', '..');
const fixtures = path.join(root, 'test', 'fixtures', 'records');
const fixture = (name: string) => path.join(fixtures, name);
const read = (name: string) => fs.readFileSync(fixture(name), 'utf8');
const full = JSON.parse(read('full.json')) as FileRecord;
const empty = JSON.parse(read('empty.json')) as FileRecord;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process; `files` are virtual files by name, anything else is read from disk. */
function run(argv: string[], files: Record<string, string> = {}): Run {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readFile: (p) => files[p] ?? fs.readFileSync(p, 'utf8'),
  };
  const code = main(argv, io);
  return { code, stdout, stderr };
}

/** Exit 0, nothing on stderr, and a request body the API's schema accepts (or an empty one). */
function body(r: Run): { items: { id: number; update: Record<string, unknown> }[] } {
  assert.equal(r.stderr, '');
  assert.equal(r.code, 0);
  const parsed = JSON.parse(r.stdout) as { items: { id: number; update: Record<string, unknown> }[] };
  if (parsed.items.length > 0) assert.ok(fileUpdateRequest.safeParse(parsed).success, r.stdout);
  return parsed;
}

/** Exit 2, nothing on stdout, the problems on stderr. */
function refused(r: Run): string[] {
  assert.equal(r.stdout, '', 'nothing may be printed on stdout');
  assert.equal(r.code, 2);
  assert.ok(r.stderr.endsWith('\n'));
  return r.stderr.trimEnd().split('\n');
}

describe('cli: diff ORIGINAL EDITED', () => {
  it('--help prints the usage and exits 0', () => {
    for (const argv of [['--help'], ['-h'], ['diff', '--help']]) {
      assert.deepEqual(run(argv), { code: 0, stdout: USAGE, stderr: '' });
    }
    assert.match(USAGE, /^Usage: node dist\/cli\.js diff ORIGINAL\.json EDITED\.json/);
  });

  it('a usage error prints why and the usage on stderr and exits 2', () => {
    const cases: [string[], string][] = [
      [[], 'error: missing command'],
      [['merge', 'a', 'b'], 'error: unknown command "merge"'],
      [['diff', 'a'], 'error: diff takes 2 files, got 1'],
      [['diff', 'a', 'b', 'c'], 'error: diff takes 2 files, got 3'],
      [['diff', '--compact', 'a', 'b'], 'error: unknown option "--compact"'],
    ];
    for (const [argv, why] of cases) {
      const r = run(argv);
      assert.deepEqual(r, { code: 2, stdout: '', stderr: `${why}\n\n${USAGE}` });
    }
  });

  it('nothing changed: {"items": []}', () => {
    for (const name of ['full.json', 'empty.json', 'linked.json']) {
      assert.deepEqual(body(run(['diff', fixture(name), fixture(name)])), { items: [] });
    }
    const rendered = { 'doc.json': renderDocument(full) };
    assert.deepEqual(body(run(['diff', fixture('full.json'), 'doc.json'], rendered)), { items: [] });
  });

  it('a record with every field set, edited: the minimal update by internal id', () => {
    const r = run(['diff', fixture('full.json'), fixture('full.edited.json')]);
    assert.deepEqual(body(r), JSON.parse(read('full.edited.expected.json')));
    assert.equal(r.stdout, read('full.edited.expected.json'));
  });

  it('a record with no field set, given every field: set for each scalar, add for each collection', () => {
    const filled = { ...full, id: empty.id, name: empty.name, uploaded: false, createdTime: 0, lastUpdatedTime: 0 };
    delete filled.uploadedTime;
    const { items } = body(
      run(['diff', fixture('empty.json'), 'filled.json'], { 'filled.json': renderDocument(filled) }),
    );
    assert.deepEqual(items, [
      {
        id: 1,
        update: {
          externalId: { set: full.externalId },
          directory: { set: full.directory },
          source: { set: full.source },
          mimeType: { set: full.mimeType },
          dataSetId: { set: full.dataSetId },
          assetIds: { add: full.assetIds },
          labels: { add: full.labels },
          metadata: { add: full.metadata },
          securityCategories: { add: full.securityCategories },
          sourceCreatedTime: { set: full.sourceCreatedTime },
          sourceModifiedTime: { set: full.sourceModifiedTime },
          geoLocation: { set: full.geoLocation },
        },
      },
    ]);
  });

  it('a record with every field set, all cleared: setNull, and remove of every element (never set: a concurrent addition survives)', () => {
    const cleared = { id: full.id, name: full.name };
    const { items } = body(
      run(['diff', fixture('full.json'), 'cleared.json'], { 'cleared.json': JSON.stringify(cleared) }),
    );
    assert.deepEqual(items[0]!.update, {
      externalId: { setNull: true },
      directory: { setNull: true },
      source: { setNull: true },
      mimeType: { setNull: true },
      dataSetId: { setNull: true },
      assetIds: { remove: full.assetIds },
      labels: { remove: full.labels },
      metadata: { remove: Object.keys(full.metadata!) },
      securityCategories: { remove: full.securityCategories },
      sourceCreatedTime: { setNull: true },
      sourceModifiedTime: { setNull: true },
      geoLocation: { setNull: true },
    });
  });

  it('reads "-" as standard input', () => {
    const r = run(['diff', fixture('full.json'), '-'], { '-': read('full.edited.json') });
    assert.deepEqual(body(r), JSON.parse(read('full.edited.expected.json')));
  });

  it('accepts a UTF-8 byte order mark', () => {
    const r = run(['diff', fixture('empty.json'), 'bom.json'], { 'bom.json': '\uFEFF' + renderDocument(empty) });
    assert.deepEqual(body(r), { items: [] });
  });

  it('metadata keys named like Object.prototype members are keys: kept, diffed, limited like any other', () => {
    const original = JSON.stringify({
      ...empty,
      metadata: JSON.parse('{"__proto__":"a","constructor":"b","rev":"A"}'),
    });
    const edited = renderDocument(empty).replace(
      '"metadata": null',
      '"metadata": {"__proto__": "a2", "toString": "c"}',
    );
    assert.deepEqual(body(run(['diff', 'o.json', 'e.json'], { 'o.json': original, 'e.json': edited })).items, [
      {
        id: empty.id,
        update: { metadata: { add: JSON.parse('{"__proto__":"a2","toString":"c"}'), remove: ['constructor', 'rev'] } },
      },
    ]);
    // Over the value limit under "__proto__": refused at that key, as under any other key.
    const tooLong = renderDocument(empty).replace(
      '"metadata": null',
      `"metadata": {"__proto__": "${'x'.repeat(10241)}"}`,
    );
    const [line, ...rest] = refused(run(['diff', fixture('empty.json'), 'e.json'], { 'e.json': tooLong }));
    assert.equal(rest.length, 1);
    assert.match(line!, /\$\.metadata\.__proto__: .*10241 bytes/);
  });

  describe('bad input: each problem on stderr with its path and position, nothing on stdout, exit 2', () => {
    it('an unreadable file', () => {
      const missing = path.join(fixtures, 'no-such-file.json');
      const [line, ...rest] = refused(run(['diff', missing, fixture('empty.json')]));
      assert.equal(rest.length, 0);
      assert.match(
        line!,
        new RegExp(`^${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: cannot read the file: ENOENT`),
      );
    });

    it('invalid JSON in EDITED, with line:column', () => {
      const text = renderDocument(empty).replace('"source": null,', '"source": null,,');
      assert.deepEqual(refused(run(['diff', fixture('empty.json'), 'e.json'], { 'e.json': text })), [
        'e.json:6:18: Invalid JSON: expected a property name in double quotes; found ",".',
      ]);
    });

    it('invalid JSON in ORIGINAL', () => {
      assert.deepEqual(refused(run(['diff', 'o.json', fixture('empty.json')], { 'o.json': '{"id": 1,}' })), [
        'o.json:1:10: Invalid JSON: trailing comma before "}": JSON does not allow it; remove the comma.',
      ]);
    });

    it('ORIGINAL that is not a record as the API returns it', () => {
      const lines = refused(
        run(['diff', 'o.json', fixture('empty.json')], { 'o.json': '{\n  "id": 1,\n  "name": 5\n}' }),
      );
      assert.deepEqual(lines, [
        'o.json:3:11: $.name: name must be a string; found the number 5.',
        'o.json:1:1: $.uploaded: uploaded is missing; it must be true or false.',
        'o.json:1:1: $.createdTime: createdTime is missing; it must be a number.',
        'o.json:1:1: $.lastUpdatedTime: lastUpdatedTime is missing; it must be a number.',
      ]);
    });

    it('ORIGINAL that is a whole API response says so', () => {
      const response = JSON.stringify({ items: [empty] });
      const [first] = refused(run(['diff', 'o.json', fixture('empty.json')], { 'o.json': response }));
      assert.equal(
        first,
        'o.json:1:10: $.items: This looks like a whole API response; ORIGINAL must be one record (the object inside "items").',
      );
    });

    it('validation problems in EDITED, in document order', () => {
      const text = renderDocument(full)
        .replace('"name": "P-101 Pump P&ID.pdf"', '"name": "P-102.pdf"')
        .replace('"mimeType"', '"mimetype"')
        .replace('"lastUpdatedTime": 1717200000000', '"lastUpdatedTime": 1817200000000');
      const lines = refused(run(['diff', fixture('full.json'), 'e.json'], { 'e.json': text }));
      assert.equal(lines.length, 3);
      assert.match(lines[0]!, /^e\.json:4:11: \$\.name: The API cannot rename a file/);
      assert.equal(
        lines[1],
        'e.json:7:3: $.mimetype: Unknown field "mimetype": did you mean "mimeType"? Field names are case-sensitive, and a missing "mimeType" would clear it.',
      );
      assert.equal(
        lines[2],
        'e.json:49:22: $.lastUpdatedTime: lastUpdatedTime is read-only (set by CDF); put back 1717200000000.',
      );
    });

    it('a field a linked file cannot change', () => {
      const text = renderDocument(JSON.parse(read('linked.json'))).replace('"source": "dms"', '"source": "SAP"');
      const [line, ...rest] = refused(run(['diff', fixture('linked.json'), 'e.json'], { 'e.json': text }));
      assert.equal(rest.length, 0);
      assert.match(
        line!,
        /^e\.json:6:13: \$\.source: This file is linked to the data modelling instance "plant_a"\/"pump_manual", so source cannot be changed here; put back "dms"\./,
      );
    });
  });

  describe('every limit at and past its bound (test/fixtures/records/limits)', () => {
    it('the fixture files are up to date (npx tsx test/fixtures/records/generate.ts)', () => {
      const dir = fixture('limits');
      assert.deepEqual(fs.readdirSync(dir).sort(), LIMIT_CASES.map((c) => `${c.name}.json`).sort());
      for (const c of LIMIT_CASES)
        assert.equal(fs.readFileSync(path.join(dir, `${c.name}.json`), 'utf8'), limitCaseFile(empty, c), c.name);
    });

    for (const c of LIMIT_CASES) {
      const file = fixture(`limits/${c.name}.json`);
      const argv = c.side === 'original' ? ['diff', file, file] : ['diff', fixture('empty.json'), file];
      it(`${c.name}: ${c.problems ? 'refused with its path' : 'saves'}`, () => {
        const r = run(argv);
        if (!c.problems) {
          const { items } = body(r);
          if (c.side === 'original') assert.deepEqual(items, []);
          else assert.deepEqual(Object.keys(items[0]!.update), Object.keys(c.fields));
          return;
        }
        const lines = refused(r);
        assert.equal(lines.length, c.problems.length, r.stderr);
        lines.forEach((line, i) => {
          const [, where, problem] = /^(.*?:\d+:\d+): (.*)$/s.exec(line) ?? [];
          assert.equal(where?.startsWith(file + ':'), true, line.slice(0, 200));
          assert.equal(problem, c.problems![i]);
        });
      });
    }
  });
});

describe('cli: as a process', function () {
  this.timeout(60_000);

  const spawn = (command: string[], input?: string) => {
    const r = spawnSync(process.execPath, command, { cwd: root, encoding: 'utf8', input });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const viaTsx = (...args: string[]) => spawn(['--import', 'tsx', 'src/cli/main.ts', ...args]);

  it('src/cli/main.ts: prints the request body and exits 0', () => {
    const r = viaTsx('diff', fixture('full.json'), fixture('full.edited.json'));
    assert.deepEqual(r, { code: 0, stdout: read('full.edited.expected.json'), stderr: '' });
  });

  it('src/cli/main.ts: empty items when nothing changed', () => {
    const r = viaTsx('diff', fixture('empty.json'), fixture('empty.json'));
    assert.deepEqual(r, { code: 0, stdout: '{\n  "items": []\n}\n', stderr: '' });
  });

  it('src/cli/main.ts: a limit past its bound exits 2 with nothing on stdout', () => {
    const file = fixture('limits/source-129-over.json');
    const r = viaTsx('diff', fixture('empty.json'), file);
    assert.deepEqual(r, {
      code: 2,
      stdout: '',
      stderr: `${file}:6:13: $.source: source is 129 characters; the API allows at most 128.\n`,
    });
  });

  it('src/cli/main.ts: --help exits 0, a usage error exits 2', () => {
    assert.deepEqual(viaTsx('--help'), { code: 0, stdout: USAGE, stderr: '' });
    const r = viaTsx('frobnicate');
    assert.deepEqual([r.code, r.stdout], [2, '']);
    assert.match(r.stderr, /^error: unknown command "frobnicate"\n\nUsage:/);
  });

  it('dist/cli.js (after npm run build) behaves the same', function () {
    const bundle = path.join(root, 'dist', 'cli.js');
    if (!fs.existsSync(bundle)) this.skip();
    assert.deepEqual(spawn([bundle, 'diff', fixture('full.json'), fixture('full.edited.json')]), {
      code: 0,
      stdout: read('full.edited.expected.json'),
      stderr: '',
    });
    const over = fixture('limits/labels-11-over.json');
    assert.deepEqual(spawn([bundle, 'diff', fixture('empty.json'), over]), {
      code: 2,
      stdout: '',
      stderr: `${over}:10:13: $.labels: labels has 11 labels; the API allows at most 10.\n`,
    });
    assert.deepEqual(
      spawn([bundle, 'diff', fixture('empty.json'), '-'], renderDocument(documentFromRecord(empty) as FileRecord)),
      {
        code: 0,
        stdout: '{\n  "items": []\n}\n',
        stderr: '',
      },
    );
  });
});
