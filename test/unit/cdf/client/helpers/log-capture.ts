import type { Logger } from '../../../../../src/cdf/logging';

/** A logger that keeps every line (messages and arguments, as text) for later inspection. */
export function captureLogger(): Logger & { lines: string[]; text(): string } {
  const lines: string[] = [];
  const write =
    (level: string) =>
    (message: string | Error, ...args: unknown[]): void => {
      const head =
        typeof message === 'string' ? message : `${message.name}: ${message.message}\n${message.stack ?? ''}`;
      const rest = args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack ?? ''}` : JSON.stringify(a)));
      lines.push(`[${level}] ${[head, ...rest].join(' ')}`);
    };
  return {
    lines,
    text: () => lines.join('\n'),
    trace: write('trace'),
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
  };
}
