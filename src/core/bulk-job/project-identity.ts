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

export const describeProject = (p: ProjectIdentity): string => `project "${p.project}" at ${p.baseUrl}`;

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
  return `The last bulk action ("${label}") belongs to ${describeProject(actionProject)}, not to the open ${describeProject(active)}; connect to its project to resume or undo it.`;
}
