import type { ModelConcurrency } from '../dms/concurrency';
import type { FileStore } from '../store/file-store';
import type { ContentLinks } from './content-links';
import type { Faults } from './faults';
import type { OccupancyMeter } from './occupancy';
import type { RequestRecorder } from './recorder';
import type { Timers } from './respond';
import type { Router } from './route';
import type { Throttle } from './throttle';

/** What the request pipeline works with: the routes, the project's state and the server's policies. */
export interface PipelineDeps {
  router: Router;
  store: FileStore;
  project: string;
  isAccepted: (token: string) => Promise<boolean>;
  now: () => number;
  throttle: Throttle;
  faults: Faults;
  recorder: RequestRecorder;
  links: ContentLinks;
  timers: Timers;
  /** Request body limit, after decompression. */
  maxBodyBytes: number;
  /** Throws an ApiError (421) for a Host the emulator does not serve (see `hostChecker`). */
  checkHost: (host: string | undefined) => void;
  /** The project's data modeling concurrency limits (routes with `concurrency`). */
  modelConcurrency?: ModelConcurrency;
  /** How long admitted requests held the server, per route (emulator-only stats, occupancy.ts). */
  occupancy: OccupancyMeter;
}
