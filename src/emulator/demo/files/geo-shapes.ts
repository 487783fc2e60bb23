import type { GeoLocation } from '../../../cdf/model';
import type { Random } from '../../util/random';
import type { Area } from '../asset-hierarchy';
import { Shared } from './shared-values';

/** A point within ~1.5 km of the area (areas sit on a small grid around the site centre). */
export function pointNear(rnd: Random, area: Area): GeoLocation {
  const index = area.site.areas.findIndex((a) => a.code === area.code);
  const [lon, lat] = area.site.centre;
  const x = lon + (index % 2) * 0.01 + (rnd() - 0.5) * 0.012;
  const y = lat + Math.floor(index / 2) * 0.006 + (rnd() - 0.5) * 0.006;
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [Math.round(x * 1e6) / 1e6, Math.round(y * 1e6) / 1e6] },
  };
}

const plots = new Shared<GeoLocation>();
/** The plot of an area as a rectangle (drawings of a layout carry it). */
export const plotOf = (area: Area): GeoLocation => plots.get(`${area.site.key}/${area.code}`, () => makePlot(area));
function makePlot(area: Area): GeoLocation {
  const index = area.site.areas.findIndex((a) => a.code === area.code);
  const [lon, lat] = area.site.centre;
  const x0 = Math.round((lon + (index % 2) * 0.01 - 0.006) * 1e6) / 1e6;
  const y0 = Math.round((lat + Math.floor(index / 2) * 0.006 - 0.003) * 1e6) / 1e6;
  const x1 = Math.round((x0 + 0.012) * 1e6) / 1e6;
  const y1 = Math.round((y0 + 0.006) * 1e6) / 1e6;
  return {
    type: 'Feature',
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [x0, y0],
          [x1, y0],
          [x1, y1],
          [x0, y1],
          [x0, y0],
        ],
      ],
    },
    properties: { area: `${area.site.key}/area-${area.code}` },
  };
}
