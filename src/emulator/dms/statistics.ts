import type { FileStore } from '../store/file-store';

/**
 * `GET /models/statistics`: usage and limits of the project. The concurrency limits are what a
 * client should size its parallel reads, writes and deletes by; tests may change them on the store.
 */
export interface ModelLimits {
  concurrentReadLimit: number;
  concurrentWriteLimit: number;
  concurrentDeleteLimit: number;
  instancesLimit: number;
  softDeletedInstancesLimit: number;
}

export const DEFAULT_MODEL_LIMITS: ModelLimits = {
  concurrentReadLimit: 8,
  concurrentWriteLimit: 4,
  concurrentDeleteLimit: 2,
  instancesLimit: 5_000_000,
  softDeletedInstancesLimit: 10_000_000,
};

export function statistics(store: FileStore, limits: ModelLimits) {
  const nodes = store.nodes.size;
  return {
    spaces: { count: store.spaces.size, limit: 100 },
    // The emulator serves only the global core model: no project containers, views or data models.
    containers: { count: 0, limit: 1000 },
    views: { count: 0, limit: 2000 },
    dataModels: { count: 0, limit: 500 },
    containerProperties: { count: 0, limit: 25_000 },
    instances: {
      edges: 0,
      softDeletedEdges: 0,
      nodes,
      softDeletedNodes: 0,
      instances: nodes,
      instancesLimit: limits.instancesLimit,
      softDeletedInstances: 0,
      softDeletedInstancesLimit: limits.softDeletedInstancesLimit,
    },
    concurrentReadLimit: limits.concurrentReadLimit,
    concurrentWriteLimit: limits.concurrentWriteLimit,
    concurrentDeleteLimit: limits.concurrentDeleteLimit,
  };
}
