import { distanceKm, type GeoPoint } from './geo';

export interface ZipDistance {
  zip: string;
  /** Great-circle distance from the asked point, in kilometres. */
  km: number;
}

interface GridPlace extends GeoPoint {
  zip: string;
}

const CELL_DEGREES = 0.5;
const KM_PER_DEGREE_LATITUDE = 111.19;

const cellKey = (latCell: number, lngCell: number) => latCell * 10_000 + lngCell;

/**
 * The ZIP codes around a point, nearest first: places bucketed in half-degree cells, so a radius search reads the
 * few cells its bounding box covers and measures only the places in them.
 */
export class ZipGrid {
  private readonly cells = new Map<number, GridPlace[]>();

  constructor(places: Iterable<GridPlace>) {
    for (const place of places) {
      const key = cellKey(Math.floor(place.latitude / CELL_DEGREES), Math.floor(place.longitude / CELL_DEGREES));
      const cell = this.cells.get(key);
      if (cell) cell.push(place);
      else this.cells.set(key, [place]);
    }
  }

  /** Every ZIP whose centroid lies within `km` of the point (inclusive), nearest first, ties by ZIP. */
  within(point: GeoPoint, km: number): ZipDistance[] {
    const dLat = km / KM_PER_DEGREE_LATITUDE + 0.01;
    const cos = Math.cos((Math.max(Math.abs(point.latitude - dLat), Math.abs(point.latitude + dLat)) * Math.PI) / 180);
    const dLng = Math.min(180, km / (KM_PER_DEGREE_LATITUDE * Math.max(0.01, cos)) + 0.01);
    const found: ZipDistance[] = [];
    const [latFrom, latTo] = [point.latitude - dLat, point.latitude + dLat].map((d) => Math.floor(d / CELL_DEGREES));
    const [lngFrom, lngTo] = [point.longitude - dLng, point.longitude + dLng].map((d) => Math.floor(d / CELL_DEGREES));
    for (let latCell = latFrom; latCell <= latTo; latCell++) {
      for (let lngCell = lngFrom; lngCell <= lngTo; lngCell++) {
        for (const place of this.cells.get(cellKey(latCell, lngCell)) ?? []) {
          const d = distanceKm(point, place);
          if (d <= km) found.push({ zip: place.zip, km: d });
        }
      }
    }
    return found.sort((a, b) => a.km - b.km || a.zip.localeCompare(b.zip));
  }
}
