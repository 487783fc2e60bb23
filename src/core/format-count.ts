/**
 * Counts as the person reads numbers ("5,000" in English, "5.000" in German), the same in every
 * message: the wizard, the preview, the confirmation, the progress and the result. The editor layer
 * sets the display language at activation; core stays free of `vscode`.
 */
let format = new Intl.NumberFormat('en');

/** The display language (VS Code's `env.language`); an unknown tag falls back to English. */
export function setCountLocale(locale: string): void {
  try {
    format = new Intl.NumberFormat(locale);
  } catch {
    format = new Intl.NumberFormat('en');
  }
}

export const formatCount = (n: number): string => format.format(n);
