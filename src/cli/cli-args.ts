import { KIND_NAMES } from './cli-kinds';

export type CliArgs =
  { ok: true; command: 'diff' | 'render'; kind: string; files: string[] } | { ok: false; why: string };

const FILES = { diff: 2, render: 1 } as const;

/** `COMMAND [--kind KIND | --kind=KIND] FILE...`; the kind may stand anywhere after the command. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const [command, ...rest] = argv;
  if (command === undefined) return { ok: false, why: 'missing command' };
  if (command !== 'diff' && command !== 'render') return { ok: false, why: `unknown command "${command}"` };
  let kind = 'classic-file';
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const inline = /^--kind=(.*)$/.exec(arg);
    if (arg === '--kind' || inline) {
      const value = inline ? inline[1] : rest[++i];
      if (value === undefined || !KIND_NAMES.includes(value))
        return {
          ok: false,
          why: `--kind takes ${KIND_NAMES.join(' or ')}, got ${value === undefined ? 'nothing' : `"${value}"`}`,
        };
      kind = value;
    } else if (arg.startsWith('-') && arg !== '-') return { ok: false, why: `unknown option "${arg}"` };
    else files.push(arg);
  }
  if (files.length !== FILES[command])
    return {
      ok: false,
      why: `${command} takes ${FILES[command]} file${FILES[command] > 1 ? 's' : ''}, got ${files.length}`,
    };
  return { ok: true, command, kind, files };
}
