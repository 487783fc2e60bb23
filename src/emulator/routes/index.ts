import type { Route } from '../http/route';
import { fileContentRoutes } from './files-content';
import { fileReadRoutes } from './files-read';
import { fileUpdateRoute } from './files-update';
import { fileWriteRoutes } from './files-write';
import { lookupRoutes } from './lookups/index';
import { modelRoutes } from './models';

export const ALL_ROUTES: readonly Route[] = [
  ...fileReadRoutes,
  fileUpdateRoute,
  ...fileWriteRoutes,
  ...fileContentRoutes,
  ...lookupRoutes,
  ...modelRoutes,
];
