import { generateDemo } from './demo/generate';
import type { EmulatorOptions } from './options';
import { FileStore } from './store/file-store';
import { applyJournalEntry, journalPathOf, readJournal, type JournalEntry } from './store/journal';
import { applyState, DurableState, readStateFile } from './store/state-file';

/** A project ready to serve: its store, what it was generated from, and its durability if it has a state file. */
export interface OpenedProject {
  store: FileStore;
  seed: number;
  files: number;
  loadedStateFile: boolean;
  durable: DurableState | undefined;
}

/**
 * Makes every write durable from now on: replays the journal entries the state file does not
 * include yet, compacts, then journals each write.
 */
function makeDurable(
  store: FileStore,
  stateFile: string,
  journalFile: string,
  journal: readonly JournalEntry[],
  origin: { project: string; seed: number; files: number },
  journalSeq: number,
): DurableState {
  let lastSeq = journalSeq;
  for (const entry of journal) {
    // Entries the state file already includes (a crash between its rename and the journal's truncation).
    if (entry.s <= lastSeq) continue;
    applyJournalEntry(store, entry);
    lastSeq = entry.s;
  }
  const durable = new DurableState(store, stateFile, journalFile, origin, lastSeq);
  // A new state file records what the project is generated from; an old one absorbs the replayed journal.
  durable.compact();
  store.onWrite(durable.record);
  return durable;
}

/**
 * The demo project generated from its seed, with the state file and its journal applied when there
 * is one (their seed and size win over the options).
 */
export async function openProject(opts: EmulatorOptions, project: string): Promise<OpenedProject> {
  const state = opts.stateFile ? await readStateFile(opts.stateFile) : undefined;
  const journalFile = opts.stateFile ? journalPathOf(opts.stateFile) : undefined;
  const journal = journalFile ? readJournal(journalFile) : [];
  if (!state && journal.length > 0)
    throw new Error(
      `${journalFile} has entries but ${opts.stateFile} is missing: refusing to guess what they apply to`,
    );
  const seed = state?.seed ?? opts.seed ?? 1;
  const files = state?.files ?? opts.files ?? 500;

  const store = new FileStore(generateDemo(seed, files), seed);
  if (state) applyState(store, state);
  // Without a state file nothing listens to writes: the benchmarks' emulator pays nothing for this.
  const durable =
    opts.stateFile && journalFile
      ? makeDurable(store, opts.stateFile, journalFile, journal, { project, seed, files }, state?.journalSeq ?? 0)
      : undefined;
  return { store, seed, files, loadedStateFile: state !== undefined, durable };
}
