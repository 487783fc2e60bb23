import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { FileRecord } from '../../src/cdf/model';
import { activateExtension, closeAllEditors, fileNodes, openDemo, pickRecord, waitFor } from './helpers';

describe('names instead of numbers', () => {
  let api: ExtensionApi;
  let record: FileRecord;
  let dataSetName: string;
  let assetNames: string[];
  let labelNames: string[];

  before(async () => {
    api = await activateExtension();
    await openDemo(api);
    const project = api.sessions.active!.api;
    const records = (await project.listFiles({ limit: 1000 })).items;
    record = pickRecord(
      records,
      (r) => r.dataSetId !== undefined && (r.assetIds?.length ?? 0) >= 2 && (r.labels?.length ?? 0) >= 1,
      'a file with a data set, assets and labels',
    );
    dataSetName = (await project.listDataSets()).find((d) => d.id === record.dataSetId)!.name!;
    assetNames = (await project.retrieveAssets(record.assetIds!)).map((a) => a.name);
    const labels = await project.listLabels();
    labelNames = record.labels!.map((l) => labels.find((x) => x.externalId === l.externalId)!.name);
  });
  after(closeAllEditors);

  it("shows the data set's, each asset's and each label's name beside its id in the record", async () => {
    await vscode.commands.executeCommand('cdfFiles.openFile', { kind: 'file', id: `n/${record.id}`, record });
    const doc = vscode.window.activeTextEditor!.document;
    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    const hints = await waitFor('name hints', async () => {
      const all = await vscode.commands.executeCommand<vscode.InlayHint[]>(
        'vscode.executeInlayHintProvider',
        doc.uri,
        whole,
      );
      const labels = all.map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')));
      return labels.includes(dataSetName) ? { all, labels } : undefined;
    });
    for (const name of [...assetNames, ...labelNames]) assert.ok(hints.labels.includes(name), name);
    const dataSetHint = hints.all.find((h) => h.label === dataSetName)!;
    assert.match(doc.lineAt(dataSetHint.position.line).text, /"dataSetId": \d+/);
  });

  it("names them in the tree's tooltip", async () => {
    const node = { kind: 'file' as const, id: `n/${record.id}`, record };
    const item = await api.tree.resolveTreeItem(api.tree.getTreeItem(node), node);
    const tooltip = (item.tooltip as vscode.MarkdownString).value;
    assert.ok(tooltip.includes(`${record.dataSetId} (${dataSetName})`), tooltip);
    assert.ok(tooltip.includes(`(${assetNames[0]})`), tooltip);
    assert.ok(tooltip.includes(`(${labelNames[0]})`), tooltip);
  });

  it('shows names and dates in a selection document too, in every element', async () => {
    await vscode.commands.executeCommand('cdfFiles.groupBy', 'flat');
    const files = fileNodes(await api.tree.getChildren()).slice(0, 2);
    await vscode.commands.executeCommand('cdfFiles.editSelectionAsJson', files[0], files);
    const doc = vscode.window.activeTextEditor!.document;
    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    const labels = await waitFor('hints in the selection', async () => {
      const all = await vscode.commands.executeCommand<vscode.InlayHint[]>(
        'vscode.executeInlayHintProvider',
        doc.uri,
        whole,
      );
      const texts = all.map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')));
      return texts.filter((t) => /^ ?\d{4}-\d\d-\d\dT/.test(t)).length >= 4 ? texts : undefined;
    });
    for (const f of files) {
      const created = new Date(f.record.createdTime).toISOString();
      assert.ok(
        labels.some((t) => t.trim() === created),
        `${f.record.id}: ${created}`,
      );
    }
  });
});
