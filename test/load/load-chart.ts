/** An SVG bar chart of p50/p95/p99 latency per operation kind for `npm run load`. */
import * as fs from 'fs';
import * as path from 'path';
import type { KindFigures } from './load-mix';

const BARS = [
  { key: 'p50', color: '#8fb8de' },
  { key: 'p95', color: '#2b6cb0' },
  { key: 'p99', color: '#1a365d' },
] as const;

export function writeLoadChart(file: string, title: string, figures: KindFigures[]): void {
  const width = 760;
  const height = 420;
  const m = { left: 70, right: 110, top: 44, bottom: 60 };
  const maxY = Math.max(1, ...figures.map((f) => f.p99)) * 1.1;
  const y = (v: number) => height - m.bottom - (v / maxY) * (height - m.top - m.bottom);
  const group = (width - m.left - m.right) / Math.max(1, figures.length);
  const bar = (group * 0.8) / BARS.length;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${m.left}" y="24" font-size="15">${title}</text>`,
    `<text x="16" y="${m.top - 10}">ms</text>`,
  ];
  for (let i = 0; i <= 5; i++) {
    const v = (maxY / 5) * i;
    parts.push(
      `<line x1="${m.left}" y1="${y(v)}" x2="${width - m.right}" y2="${y(v)}" stroke="#ddd"/>`,
      `<text x="${m.left - 8}" y="${y(v) + 4}" text-anchor="end">${v.toFixed(0)}</text>`,
    );
  }
  figures.forEach((f, i) => {
    const x0 = m.left + i * group + group * 0.1;
    BARS.forEach((b, j) => {
      const v = f[b.key];
      parts.push(
        `<rect x="${(x0 + j * bar).toFixed(1)}" y="${y(v).toFixed(1)}" width="${(bar - 2).toFixed(1)}" height="${(y(0) - y(v)).toFixed(1)}" fill="${b.color}"><title>${f.kind} ${b.key} ${v.toFixed(1)} ms</title></rect>`,
      );
    });
    parts.push(
      `<text x="${(x0 + group * 0.4).toFixed(1)}" y="${height - m.bottom + 16}" text-anchor="middle">${f.kind}</text>`,
      `<text x="${(x0 + group * 0.4).toFixed(1)}" y="${height - m.bottom + 30}" text-anchor="middle" fill="#555">${f.count} req</text>`,
    );
  });
  parts.push(`<line x1="${m.left}" y1="${y(0)}" x2="${width - m.right}" y2="${y(0)}" stroke="#333"/>`);
  BARS.forEach((b, j) => {
    const ly = m.top + 10 + j * 20;
    parts.push(
      `<rect x="${width - m.right + 15}" y="${ly - 8}" width="14" height="10" fill="${b.color}"/>`,
      `<text x="${width - m.right + 34}" y="${ly + 1}">${b.key}</text>`,
    );
  });
  parts.push('</svg>');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${parts.join('\n')}\n`);
}
