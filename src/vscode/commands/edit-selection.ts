import * as vscode from 'vscode';
import { DMS_LIMITS, LIMITS, nodeKeyOf } from '../../cdf/model';
import { CLASSIC_EDITOR_KIND, COGNITE_EDITOR_KIND } from '../record-kinds';
import { CLASSIC_URI, NODE_URI, selectionUriOf } from '../record-uri';
import type { ExtensionServices } from '../services';
import type { CogniteFileItem } from '../tree/cognite-nodes';
import type { FileNode, TreeNode } from '../tree/nodes';

/**
 * Edit Selection as JSON: the selected classic files, or the selected CogniteFile nodes, as one
 * document of their kind (saved as one request of that kind). A document holds one record kind, so
 * a selection of both is refused, as are an empty selection and more records than one request takes.
 */
export async function editSelectionAsJson(
  s: ExtensionServices,
  node: TreeNode | undefined,
  selection: readonly TreeNode[] | undefined,
): Promise<vscode.Uri> {
  const session = s.session();
  // Scripts may pass anything: only an array is a selection.
  const given: readonly unknown[] =
    Array.isArray(selection) && selection.length ? selection : node ? [node] : s.view.selection;
  const files = given.filter((n): n is FileNode => kindOf(n) === 'file');
  const nodes = given.filter((n): n is CogniteFileItem => kindOf(n) === 'cogniteFile');
  if (files.length && nodes.length)
    throw new Error(
      vscode.l10n.t(
        'Select either classic files or CogniteFile nodes: one document holds records of one kind, saved by one request of that kind.',
      ),
    );
  if (nodes.length) {
    if (nodes.length > DMS_LIMITS.itemsPerRequest)
      throw new Error(
        vscode.l10n.t(
          'Edit at most {0} CogniteFile nodes as one document (one upsert takes no more).',
          DMS_LIMITS.itemsPerRequest,
        ),
      );
    COGNITE_EDITOR_KIND.api(session); // a connection that does not read data modeling says so now
    const key = s.selectionStore.create(nodes.map((n) => nodeKeyOf(n.node)));
    const title = COGNITE_EDITOR_KIND.selectionTitle(nodes.length);
    return await show(selectionUriOf(NODE_URI, session.project, key, title));
  }
  if (!files.length) throw new Error(vscode.l10n.t('Select files in the CDF Files view first.'));
  if (files.length > LIMITS.itemsPerRequest)
    throw new Error(
      vscode.l10n.t('Edit at most {0} files as one document; use Bulk Edit Files for more.', LIMITS.itemsPerRequest),
    );
  const key = s.selectionStore.create(files.map((f) => f.record.id));
  return await show(
    selectionUriOf(CLASSIC_URI, session.project, key, CLASSIC_EDITOR_KIND.selectionTitle(files.length)),
  );
}

const kindOf = (n: unknown): unknown =>
  typeof n === 'object' && n !== null ? (n as { kind?: unknown }).kind : undefined;

async function show(uri: vscode.Uri): Promise<vscode.Uri> {
  await vscode.window.showTextDocument(uri, { preview: false });
  return uri;
}
