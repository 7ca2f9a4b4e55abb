// Web Mercator arithmetic for the results map (pure; unit-tested in map-projection.spec.ts).
export const TILE_SIZE = 256;

export interface LatLng {
  latitude: number;
  longitude: number;
}

/** World pixel coordinates of a point at a zoom level. */
export function project(point: LatLng, zoom: number): { x: number; y: number } {
  const scale = TILE_SIZE * 2 ** zoom;
  const sin = Math.sin((Math.max(-85, Math.min(85, point.latitude)) * Math.PI) / 180);
  return {
    x: ((point.longitude + 180) / 360) * scale,
    y: (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * scale,
  };
}

/** The largest zoom (3..14) at which every point fits a width × height view around the centre. */
export function fitZoom(center: LatLng, points: LatLng[], width: number, height: number): number {
  for (let zoom = 14; zoom > 3; zoom--) {
    const c = project(center, zoom);
    const fits = points.every((p) => {
      const q = project(p, zoom);
      return Math.abs(q.x - c.x) < width / 2 - 12 && Math.abs(q.y - c.y) < height / 2 - 12;
    });
    if (fits) return zoom;
  }
  return 3;
}

export interface Tile {
  url: string;
  /** Position of the tile's top-left corner in the view. */
  left: number;
  top: number;
}

/** The tiles covering a width × height view centred on `center`, with their URLs from the {z}/{x}/{y} template. */
export function tilesFor(template: string, center: LatLng, zoom: number, width: number, height: number): Tile[] {
  const c = project(center, zoom);
  const originX = c.x - width / 2;
  const originY = c.y - height / 2;
  const count = 2 ** zoom;
  const tiles: Tile[] = [];
  for (let ty = Math.floor(originY / TILE_SIZE); ty <= Math.floor((originY + height) / TILE_SIZE); ty++) {
    if (ty < 0 || ty >= count) continue;
    for (let tx = Math.floor(originX / TILE_SIZE); tx <= Math.floor((originX + width) / TILE_SIZE); tx++) {
      const wrapped = ((tx % count) + count) % count;
      tiles.push({
        url: template.replace('{z}', String(zoom)).replace('{x}', String(wrapped)).replace('{y}', String(ty)),
        left: tx * TILE_SIZE - originX,
        top: ty * TILE_SIZE - originY,
      });
    }
  }
  return tiles;
}

/** Where a point falls in the view. */
export function placeInView(point: LatLng, center: LatLng, zoom: number, width: number, height: number) {
  const c = project(center, zoom);
  const p = project(point, zoom);
  return { x: p.x - c.x + width / 2, y: p.y - c.y + height / 2 };
}
