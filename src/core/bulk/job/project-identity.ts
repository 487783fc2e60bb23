import * as l10n from '@vscode/l10n';
/**
 * Which CDF project something belongs to: the API base URL and the project name. A bulk action's
 * target (a filter, internal ids) means something else in another project, so its resume and undo
 * run only where it ran.
 */
export interface ProjectIdentity {
  readonly baseUrl: string;
  readonly project: string;
}

/** Same origin and path (a trailing slash aside) and same project. */
export function sameProject(a: ProjectIdentity, b: ProjectIdentity): boolean {
  return normalizeBaseUrl(a.baseUrl) === normalizeBaseUrl(b.baseUrl) && a.project === b.project;
}

function normalizeBaseUrl(baseUrl: string): string {
  try {
    const url = new URL(baseUrl);
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return baseUrl.replace(/\/+$/, '');
  }
}

export const describeProject = (p: ProjectIdentity): string => l10n.t('project "{0}" at {1}', p.project, p.baseUrl);

/**
 * Why the last bulk action must not be resumed or undone in the active project, or `undefined` when
 * it ran there. Its target (a filter, internal ids) would pick other files in another project.
 */
export function otherProjectRefusal(
  actionProject: ProjectIdentity,
  active: ProjectIdentity,
  label: string,
): string | undefined {
  if (sameProject(actionProject, active)) return undefined;
  return l10n.t(
    'The last bulk action ("{0}") belongs to {1}, not to the open {2}; connect to its project to resume or undo it.',
    label,
    describeProject(actionProject),
    describeProject(active),
  );
}
