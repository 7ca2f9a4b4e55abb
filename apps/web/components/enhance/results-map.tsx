'use client';

import { useEffect, useState } from 'react';
import { fitZoom, placeInView, tilesFor, TILE_SIZE } from '../../lib/map-projection';

export interface MapMarker {
  name: string;
  href: string;
  latitude: number;
  longitude: number;
  distance: string | null;
}

const WIDTH = 640;
const HEIGHT = 360;

/**
 * With JavaScript only, a map of this page's results beside the list (the list stays primary). Tiles come from
 * MAP_TILE_URL; markers are numbered links in list order, reachable by keyboard. If tiles cannot load (offline),
 * the markers still show on a plain background and every result is in the list.
 */
export function ResultsMap({
  markers,
  center,
  tileUrl,
}: {
  markers: MapMarker[];
  center: { latitude: number; longitude: number };
  tileUrl: string;
}) {
  const [mounted, setMounted] = useState(false);
  const [open, setOpen] = useState(false);
  useEffect(() => setMounted(true), []);
  if (!mounted || markers.length === 0) return null;
  const zoom = fitZoom(center, markers, WIDTH, HEIGHT);
  const tiles = open ? tilesFor(tileUrl, center, zoom, WIDTH, HEIGHT) : [];
  return (
    <section className="results-map margin-bottom-3" aria-labelledby="results-map-heading">
      <h2 id="results-map-heading" className="usa-sr-only">
        Map of these results
      </h2>
      <button
        type="button"
        className="usa-button usa-button--outline"
        aria-expanded={open}
        aria-controls="results-map"
        onClick={() => setOpen(!open)}
      >
        {open ? 'Hide the map' : 'Show these results on a map'}
      </button>
      {open ? (
        <div id="results-map">
          <svg
            viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
            className="results-map__canvas"
            role="group"
            aria-label={`Map with ${markers.length} numbered results; the numbers match the list`}
          >
            <rect width={WIDTH} height={HEIGHT} className="results-map__background" />
            {tiles.map((tile) => (
              <image
                key={tile.url}
                href={tile.url}
                x={tile.left}
                y={tile.top}
                width={TILE_SIZE}
                height={TILE_SIZE}
                aria-hidden="true"
              />
            ))}
            {markers.map((marker, index) => {
              const { x, y } = placeInView(marker, center, zoom, WIDTH, HEIGHT);
              const label = `${index + 1}. ${marker.name}${marker.distance ? `, ${marker.distance}` : ''}`;
              return (
                <a key={marker.href} href={marker.href} aria-label={label} className="results-map__marker">
                  <title>{label}</title>
                  <circle cx={x} cy={y} r={13} />
                  <text x={x} y={y + 5} textAnchor="middle" aria-hidden="true">
                    {index + 1}
                  </text>
                </a>
              );
            })}
          </svg>
          <p className="font-body-3xs margin-top-05">
            Map data ©{' '}
            <a className="usa-link" href="https://www.openstreetmap.org/copyright">
              OpenStreetMap contributors
            </a>
            . Markers show each therapist&apos;s nearest practice location.
          </p>
        </div>
      ) : null}
    </section>
  );
}
