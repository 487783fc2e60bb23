/** The look-up resources the editor offers in completion, as the API returns them (OpenAPI `DataSet`, `LabelDefinition`, `Asset`). */
import type { GeoLocation, Label } from '../../cdf/model';

export interface DataSet {
  id: number;
  externalId?: string;
  name?: string;
  description?: string;
  metadata?: Record<string, string>;
  writeProtected: boolean;
  createdTime: number;
  lastUpdatedTime: number;
}

export interface LabelDefinition {
  externalId: string;
  name: string;
  description?: string;
  dataSetId?: number;
  createdTime: number;
}

export interface Asset {
  id: number;
  externalId?: string;
  name: string;
  parentId?: number;
  parentExternalId?: string;
  rootId: number;
  description?: string;
  dataSetId?: number;
  metadata?: Record<string, string>;
  source?: string;
  labels?: Label[];
  geoLocation?: GeoLocation;
  createdTime: number;
  lastUpdatedTime: number;
}
