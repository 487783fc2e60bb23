/**
 * CLI: `node dist/emulator.js --port P --project NAME --token TOKEN --files N --seed S [--state FILE] ...`
 * Prints a line with the base URL once it listens; stops cleanly (saving state) on SIGINT/SIGTERM.
 */
import { parseCliArgs, USAGE } from './cli-args';
import { startEmulator } from './index';
import { requestLogLine } from './log-line';

async function main(): Promise<void> {
  let cli;
  try {
    cli = parseCliArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (cli.help) {
    console.log(USAGE);
    return;
  }
  const started = performance.now();
  const emulator = await startEmulator({
    ...cli.emulator,
    // A long-running demo keeps no request history unless asked to log.
    maxRecordedRequests: 0,
    ...(cli.log
      ? {
          onRequest: (r) => console.log(requestLogLine(r)),
        }
      : {}),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const heapMb = Math.round(process.memoryUsage().heapUsed / 1024 / 1024);
  const { seed, files, loadedStateFile } = emulator.demo;
  console.log(
    `CDF Files emulator listening on ${emulator.baseUrl} (project "${emulator.project}", ${emulator.store.files.size} files and ${emulator.store.nodes.size} data modeling nodes from seed ${seed}/${files}${loadedStateFile ? ' + saved state' : ''}; started in ${seconds} s, heap ${heapMb} MB)`,
  );
  console.log(`API base: ${emulator.apiBase}  (Authorization: Bearer ${emulator.token})`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    emulator
      .close()
      .then(() => {
        console.log(`emulator stopped (${signal})`);
        process.exit(0);
      })
      .catch((e: unknown) => {
        console.error(`emulator: error while stopping: ${String(e)}`);
        process.exit(1);
      });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  console.error(`emulator: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
