import * as l10n from '@vscode/l10n';
import { LIMITS, type FileRecord } from '../../cdf/model';
import { checkId } from '../fields';
import type { FilesApi } from '../ports';

/**
 * The file a person names in "Open File Record by Id…": an id, else an external id. Digits are an id
 * when they can be one, and an external id too when no file has that id (SAP document numbers are
 * digits). Text no file can have is answered without a request; every miss is one plain sentence (an
 * id past 2^53 used to reach the client's check and come back as zod's "Too big: expected int…").
 */
export async function findFile(api: Pick<FilesApi, 'retrieveExisting'>, typed: string): Promise<FileRecord> {
  const text = typed.trim();
  const digits = /^\d+$/.test(text);
  const asId = digits && checkId(Number(text)) === undefined;
  const [byId] = asId ? await api.retrieveExisting([{ id: Number(text) }]) : [];
  if (byId) return byId;
  // The external id as typed first: CDF keeps its spaces, and " P-101" is another file than "P-101".
  // Then trimmed, for the space a paste brings along.
  const candidates = text ? new Set([typed, text]) : [];
  for (const externalId of candidates) {
    if (externalId.length > LIMITS.externalIdLength) continue;
    const [byExternalId] = await api.retrieveExisting([{ externalId }]);
    if (byExternalId) return byExternalId;
  }
  throw new Error(
    digits
      ? l10n.t('No file has the id or the external id "{0}".', text)
      : l10n.t('No file has the external id "{0}".', text),
  );
}
