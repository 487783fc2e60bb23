/**
 * How a person reaches bulk actions on CogniteFile nodes: the files view's menus (a node, the
 * CogniteFile section, one of its groups, a multi-selection) and the palette (package.json), and
 * what each entry acts on (src/vscode/bulk/node-request.ts).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { toInstanceFilter } from '../../../../src/core/browse';
import { nodeRequest } from '../../../../src/vscode/bulk/node-request';
import type { TreeNode } from '../../../../src/vscode/tree/nodes';
import { fileRecord } from '../../core/bulk/fixtures';
import { NODE } from '../../core/records/cognite-file-fixtures';

type Menu = { command: string; when?: string; group?: string };
const root = path.resolve(__dirname, '..', '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: { menus: Record<string, Menu[]> };
};
const menus = pkg.contributes.menus;
const BULK = ['cdfFiles.bulkEdit', 'cdfFiles.bulkEditNodes', 'cdfFiles.resumeBulk', 'cdfFiles.undoBulk'];

/** Evaluates the `viewItem =~ /re/` part of a tree menu's `when` for an item's contextValue. */
function shownOn(command: string, contextValue: string): boolean {
  return menus['view/item/context']!.filter((m) => m.command === command).some((m) => {
    assert.match(m.when ?? '', /^view == cdfFiles\.files && viewItem =~ \/.+\/$/, `${command}: ${m.when}`);
    const regex = /viewItem =~ \/(.+)\/$/.exec(m.when!)![1]!;
    return new RegExp(regex).test(contextValue);
  });
}

/** The context keys a `when` reads: what is left of each comparison once regex and values are gone. */
const keysOf = (when: string) =>
  when
    .replace(/=~\s*\/[^/]*\//g, '')
    .replace(/(==|!=)\s*[\w.-]+/g, '')
    .split(/&&|\|\||!|\(|\)/)
    .map((k) => k.trim())
    .filter(Boolean);

const cogniteFile: TreeNode = { kind: 'cogniteFile', id: 'cdm/n1', node: NODE };
const other: TreeNode = { kind: 'cogniteFile', id: 'cdm/n2', node: { ...NODE, externalId: 'other' } };
const file: TreeNode = { kind: 'file', id: 'root/f1', record: fileRecord({ id: 1 }) };
const section: TreeNode = { kind: 'nodeSection', id: 'cdm', count: 3 };
const group: TreeNode = {
  kind: 'nodeGroup',
  id: 'cdm/space',
  label: 'plant_a',
  icon: 'symbol-namespace',
  filter: { spaces: ['plant_a'] },
};
const ref = (n: TreeNode) => (n.kind === 'cogniteFile' ? { space: n.node.space, externalId: n.node.externalId } : n);

describe('the entries to bulk actions on CogniteFile nodes', () => {
  it('a CogniteFile node, the CogniteFile section and its groups have the node bulk entry; classic files their own', () => {
    for (const value of ['cogniteFile', 'nodeSection', 'nodeGroup']) {
      assert.ok(shownOn('cdfFiles.bulkEditNodes', value), value);
      assert.ok(!shownOn('cdfFiles.bulkEdit', value), value);
    }
    for (const value of ['file', 'file.withExternalId', 'file.linked', 'file.withExternalId.linked']) {
      assert.ok(shownOn('cdfFiles.bulkEdit', value), value);
      assert.ok(!shownOn('cdfFiles.bulkEditNodes', value), value);
    }
    for (const value of ['group', 'loadMore', 'message', 'cogniteFileX'])
      assert.ok(!shownOn('cdfFiles.bulkEditNodes', value), value);
  });

  it('the palette offers node bulk whenever a project is open', () => {
    const entry = menus.commandPalette!.find((m) => m.command === 'cdfFiles.bulkEditNodes');
    assert.equal(entry?.when, 'cdfFiles.connected');
  });

  it("the bulk entries' when clauses read only keys that web and remote VS Code set too", () => {
    const allowed = new Set(['view', 'viewItem', 'cdfFiles.connected', 'cdfFiles.filtered']);
    const read = Object.values(menus)
      .flat()
      .filter((m) => BULK.includes(m.command) && m.when)
      .flatMap((m) => keysOf(m.when!));
    assert.ok(read.length > 0);
    for (const key of read) assert.ok(allowed.has(key), `${key} is a key of this extension or of every VS Code`);
  });

  it('acts on the selected nodes (files of a mixed selection left out), else the clicked one', () => {
    assert.deepEqual(nodeRequest(cogniteFile, [cogniteFile, file, other], []), {
      request: { kind: 'cognite-file' },
      nodes: [ref(cogniteFile), ref(other)],
    });
    assert.deepEqual(nodeRequest(other, undefined, [cogniteFile]), {
      request: { kind: 'cognite-file' },
      nodes: [ref(other)],
    });
    assert.deepEqual(nodeRequest(undefined, undefined, [file, cogniteFile])?.nodes, [ref(cogniteFile)]);
  });

  it("on the section: every node its filter keeps; on a group: the group's filter", () => {
    assert.deepEqual(nodeRequest(section, undefined, []), {
      request: { kind: 'cognite-file', target: 'view' },
      nodes: [],
    });
    assert.deepEqual(nodeRequest(group, undefined, []), {
      request: {
        kind: 'cognite-file',
        target: { kind: 'filter', label: 'plant_a', filter: toInstanceFilter({ spaces: ['plant_a'] }) },
      },
      nodes: [],
    });
    assert.equal(nodeRequest(file, undefined, []), undefined, 'a classic file is not a node');
  });
});
