export function listEntries(zipPath: string): Promise<string[]>;
export function requiredAssets(root: string): string[];
export function packageProblems(entries: string[], required: string[]): string[];
