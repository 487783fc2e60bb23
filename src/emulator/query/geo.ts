import type { Geometry } from '../../cdf/model';

/**
 * Planar geometry for the `geoLocation` filter (intersects / disjoint / within) on lon/lat
 * coordinates. Exact for points, lines and polygons with holes at the scale of a plant; it ignores
 * the curvature of the earth, which CDF's PostGIS-style evaluation would not, and that only matters
 * for shapes spanning hundreds of kilometres.
 */
type Pt = readonly [number, number];
type Ring = readonly Pt[];
type Poly = readonly Ring[];

interface Parts {
  points: Pt[];
  /** Open polylines (LineString parts); polygon boundaries are in `polygons`. */
  lines: Pt[][];
  polygons: Poly[];
}

function partsOf(g: Geometry): Parts {
  const c = g.coordinates as unknown;
  switch (g.type) {
    case 'Point':
      return { points: [c as Pt], lines: [], polygons: [] };
    case 'MultiPoint':
      return { points: c as Pt[], lines: [], polygons: [] };
    case 'LineString':
      return { points: [], lines: [c as Pt[]], polygons: [] };
    case 'MultiLineString':
      return { points: [], lines: c as Pt[][], polygons: [] };
    case 'Polygon':
      return { points: [], lines: [], polygons: [c as Poly] };
    case 'MultiPolygon':
      return { points: [], lines: [], polygons: c as Poly[] };
  }
}

const vertices = (p: Parts): Pt[] => [...p.points, ...p.lines.flat(), ...p.polygons.flatMap((poly) => poly[0] ?? [])];

function segmentsOf(p: Parts): [Pt, Pt][] {
  const out: [Pt, Pt][] = [];
  const add = (line: readonly Pt[]) => {
    for (let i = 0; i + 1 < line.length; i++) out.push([line[i] as Pt, line[i + 1] as Pt]);
  };
  p.lines.forEach(add);
  for (const poly of p.polygons) poly.forEach(add);
  return out;
}

const cross = (o: Pt, a: Pt, b: Pt): number => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
const EPS = 1e-12;

function onSegment(p: Pt, a: Pt, b: Pt): boolean {
  return (
    Math.abs(cross(a, b, p)) <= EPS &&
    Math.min(a[0], b[0]) - EPS <= p[0] &&
    p[0] <= Math.max(a[0], b[0]) + EPS &&
    Math.min(a[1], b[1]) - EPS <= p[1] &&
    p[1] <= Math.max(a[1], b[1]) + EPS
  );
}

/** Whether two segments share any point; `proper` = they cross at a point interior to both. */
function segmentsMeet(a: Pt, b: Pt, c: Pt, d: Pt, proper = false): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  const crosses =
    ((d1 > EPS && d2 < -EPS) || (d1 < -EPS && d2 > EPS)) && ((d3 > EPS && d4 < -EPS) || (d3 < -EPS && d4 > EPS));
  if (proper || crosses) return crosses;
  return onSegment(a, c, d) || onSegment(b, c, d) || onSegment(c, a, b) || onSegment(d, a, b);
}

function inRing(p: Pt, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Pt;
    const [xj, yj] = ring[j] as Pt;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const onRing = (p: Pt, ring: Ring): boolean =>
  ring.some((a, i) => i + 1 < ring.length && onSegment(p, a, ring[i + 1] as Pt));

/** Inside or on the boundary of a polygon with holes. */
function inPolygon(p: Pt, poly: Poly): boolean {
  const [outer, ...holes] = poly;
  if (!outer) return false;
  if (onRing(p, outer)) return true;
  if (!inRing(p, outer)) return false;
  return !holes.some((h) => inRing(p, h) && !onRing(p, h));
}

function pointTouches(p: Pt, parts: Parts): boolean {
  if (parts.points.some((q) => Math.abs(q[0] - p[0]) <= EPS && Math.abs(q[1] - p[1]) <= EPS)) return true;
  if (parts.lines.some((l) => l.some((a, i) => i + 1 < l.length && onSegment(p, a, l[i + 1] as Pt)))) return true;
  return parts.polygons.some((poly) => inPolygon(p, poly));
}

export function intersects(a: Geometry, b: Geometry): boolean {
  const pa = partsOf(a);
  const pb = partsOf(b);
  if (vertices(pa).some((p) => pointTouches(p, pb))) return true;
  if (vertices(pb).some((p) => pointTouches(p, pa))) return true;
  const sb = segmentsOf(pb);
  return segmentsOf(pa).some(([p, q]) => sb.some(([r, s]) => segmentsMeet(p, q, r, s)));
}

/** `a` lies inside `b` (boundary included): every vertex of `a` is in `b` and no edge of `a` crosses out of it. */
export function within(a: Geometry, b: Geometry): boolean {
  const pa = partsOf(a);
  const pb = partsOf(b);
  if (!vertices(pa).every((p) => pointTouches(p, pb))) return false;
  if (pb.polygons.length === 0) return segmentsOf(pa).length === 0 || intersects(a, b);
  const sb = segmentsOf(pb);
  return !segmentsOf(pa).some(([p, q]) => sb.some(([r, s]) => segmentsMeet(p, q, r, s, true)));
}

export function geoRelation(relation: string, record: Geometry, shape: Geometry): boolean {
  switch (relation.toLowerCase()) {
    case 'intersects':
      return intersects(record, shape);
    case 'disjoint':
      return !intersects(record, shape);
    case 'within':
      return within(record, shape);
    default:
      return false;
  }
}
