// A CogniteFile node as `instances/byids` returns it, and its record, shared by the node kind's tests.
import type { CogniteFileNode } from '../../../../src/cdf/model';
import { cogniteFileRecord, type CogniteFileRecord } from '../../../../src/core/records';

export const VIEW = { type: 'view', space: 'cdf_cdm', externalId: 'CogniteFile', version: 'v1' } as const;

export const NODE: CogniteFileNode = {
  instanceType: 'node',
  space: 'plant-a',
  externalId: 'doc-P-101',
  version: 7,
  createdTime: 1_700_000_000_000,
  lastUpdatedTime: 1_700_000_500_000,
  properties: {
    cdf_cdm: {
      'CogniteFile/v1': {
        name: 'P-101 datasheet.pdf',
        description: null,
        tags: ['pump', 'datasheet'],
        assets: [{ space: 'plant-a', externalId: 'P-101' }],
        mimeType: 'application/pdf',
        directory: '/plant-a/pumps',
        category: { space: 'plant-a', externalId: 'datasheets' },
        sourceCreatedTime: '2024-05-01T12:00:00.000+00:00',
        isUploaded: true,
        uploadedTime: '2024-05-02T08:00:00.000+00:00',
      },
    },
  },
};

export const RECORD: CogniteFileRecord = cogniteFileRecord(NODE);
