import { fitZoom, placeInView, project, tilesFor } from './map-projection';

const MIAMI = { latitude: 25.7617, longitude: -80.1918 };

describe('map projection', () => {
  it('puts 0,0 in the middle of the world and Miami in tile 71/110 at zoom 8', () => {
    expect(project({ latitude: 0, longitude: 0 }, 0)).toEqual({ x: 128, y: 128 });
    const p = project(MIAMI, 8);
    expect([Math.floor(p.x / 256), Math.floor(p.y / 256)]).toEqual([70, 109]);
  });
  it('zooms out until every point fits the view', () => {
    const near = [{ latitude: 25.77, longitude: -80.2 }];
    const far = [...near, { latitude: 26.12, longitude: -80.14 }];
    expect(fitZoom(MIAMI, near, 600, 360)).toBe(14);
    expect(fitZoom(MIAMI, far, 600, 360)).toBeLessThan(12);
  });
  it('covers the view with tiles from the template and places the centre in the middle', () => {
    const tiles = tilesFor('https://tiles.example/{z}/{x}/{y}.png', MIAMI, 10, 600, 360);
    expect(tiles.length).toBeGreaterThanOrEqual(6);
    expect(tiles.every((t) => /^https:\/\/tiles\.example\/10\/\d+\/\d+\.png$/.test(t.url))).toBe(true);
    expect(placeInView(MIAMI, MIAMI, 10, 600, 360)).toEqual({ x: 300, y: 180 });
  });
});
