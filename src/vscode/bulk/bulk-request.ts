import type { UpdateReport } from '../../core/ports';
import type { BulkOperation, BulkTarget, JobPlan } from '../../core/bulk';

/** What the bulk commands take: from the palette nothing (the wizard asks), from scripts and tests all of it. */
export interface BulkRequest {
  /** The record kind: classic files (default) or `'cognite-file'` nodes. */
  kind?: 'classic-file' | 'cognite-file';
  /**
   * `'view'`: every file the files view shows (its filter, or the files its name search found); for
   * nodes, every node the CogniteFile section's filter keeps (or its search found).
   */
  target?: BulkTarget | 'view';
  operations?: BulkOperation[];
  /** false: no preview or confirmation (scripts and tests that already looked). */
  confirm?: boolean;
}

export interface BulkRun {
  plan: JobPlan;
  report: UpdateReport<unknown, object>;
}
