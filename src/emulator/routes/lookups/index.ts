import type { Route } from '../../http/route';
import { assetRoutes } from './assets';
import { dataSetRoutes } from './data-sets';
import { labelRoutes } from './labels';

/**
 * The look-ups the editor needs for completion: data sets, labels, assets. Minimal but faithful in
 * shape (OpenAPI `DataSet`, `LabelDefinition`, `Asset`), with the common filters and cursors.
 */
export const lookupRoutes: Route[] = [...dataSetRoutes, ...labelRoutes, ...assetRoutes];
