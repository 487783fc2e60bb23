import * as vscode from 'vscode';
import type { CogniteFileRecordsApi, NodeBulkSource, NodesBrowseApi } from '../app';
import type { FilesApi } from '../core/ports';
import type { RunningEmulator } from '../emulator';

/** An open connection to one CDF project: what the tree, documents and completion talk to. */
export interface ProjectSession {
  /** The connection's display name, e.g. "Demo project". */
  readonly label: string;
  readonly project: string;
  /** Shown in the status bar tooltip; never carries credentials. */
  readonly baseUrl: string;
  /** Reads, saves, bulk updates and look-ups: core's one port to the project. */
  readonly api: FilesApi;
  /** The project's CogniteFile nodes, read-only (the files view's CogniteFile section). */
  readonly nodes?: NodesBrowseApi;
  /** The project's CogniteFile nodes as records: what their documents are read and saved through. */
  readonly cogniteFiles?: CogniteFileRecordsApi;
  /** What bulk actions on CogniteFile nodes run on: their bulk kind and the records port with its target reads. */
  readonly nodeBulk?: NodeBulkSource;
  readonly isDemo: boolean;
  /** The in-process emulator behind the demo project (tests read what it received). */
  readonly demo?: RunningEmulator;
  dispose(): Promise<void>;
}

/** Holds the active session; everything else asks it, so switching projects is one event. */
export class Sessions implements vscode.Disposable {
  private current: ProjectSession | undefined;
  private pending: Promise<ProjectSession | undefined> | undefined;
  private readonly changed = new vscode.EventEmitter<ProjectSession | undefined>();
  readonly onDidChange = this.changed.event;

  get active(): ProjectSession | undefined {
    return this.current;
  }

  /** Waits for a connection being opened (e.g. restored after a window reload) before answering. */
  async whenReady(): Promise<ProjectSession | undefined> {
    return this.pending ? await this.pending : this.current;
  }

  async open(connect: () => Promise<ProjectSession>): Promise<ProjectSession> {
    const opening = (async () => {
      const next = await connect();
      const previous = this.current;
      this.current = next;
      this.changed.fire(next);
      await previous?.dispose();
      return next;
    })();
    this.pending = opening.catch(() => this.current);
    try {
      return await opening;
    } finally {
      this.pending = undefined;
    }
  }

  async close(): Promise<void> {
    const previous = this.current;
    this.current = undefined;
    this.changed.fire(undefined);
    await previous?.dispose();
  }

  dispose(): void {
    void this.close();
    this.changed.dispose();
  }
}
