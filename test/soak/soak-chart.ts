/** An SVG chart of a soak run: latency (p50, p95) and error rate over time, with the fault windows shaded. */
import * as fs from 'fs';
import * as path from 'path';
import type { TimelineBucket } from './soak-history';

export interface FaultMarks {
  /** Seconds from the start of the workload. */
  meiliDown: { from: number; to: number }[];
  smtpRefusing: { from: number; to: number }[];
  apiKill: number[];
  apiBack: number[];
  pgRestart: { from: number; to: number }[];
}

export function writeSoakChart(file: string, title: string, buckets: TimelineBucket[], faults: FaultMarks): void {
  const width = 860;
  const height = 420;
  const m = { left: 64, right: 64, top: 48, bottom: 86 };
  const end = Math.max(1, ...buckets.map((b) => b.second + 2), ...faults.meiliDown.map((w) => w.to));
  const maxMs = Math.max(10, ...buckets.map((b) => b.p95)) * 1.1;
  const x = (s: number) => m.left + (s / end) * (width - m.left - m.right);
  const yMs = (v: number) => height - m.bottom - (v / maxMs) * (height - m.top - m.bottom);
  const yPct = (v: number) => height - m.bottom - (v / 100) * (height - m.top - m.bottom);
  const f = (n: number) => n.toFixed(1);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${m.left}" y="24" font-size="15">${title}</text>`,
  ];
  const band = (w: { from: number; to: number }, color: string, y0: number, h: number) =>
    parts.push(
      `<rect x="${f(x(w.from))}" y="${y0}" width="${f(Math.max(1, x(w.to) - x(w.from)))}" height="${h}" fill="${color}" fill-opacity="0.25"/>`,
    );
  const plotH = height - m.top - m.bottom;
  for (const w of faults.meiliDown) band(w, '#f59e0b', m.top, plotH);
  for (const w of faults.smtpRefusing) band(w, '#3b82f6', m.top, plotH / 6);
  for (const w of faults.pgRestart) band(w, '#111827', m.top, plotH);
  for (const s of faults.apiKill)
    parts.push(
      `<line x1="${f(x(s))}" y1="${m.top}" x2="${f(x(s))}" y2="${height - m.bottom}" stroke="#7c3aed" stroke-width="2"/>`,
    );
  for (const s of faults.apiBack)
    parts.push(
      `<line x1="${f(x(s))}" y1="${m.top}" x2="${f(x(s))}" y2="${height - m.bottom}" stroke="#7c3aed" stroke-dasharray="4 3"/>`,
    );
  parts.push(
    `<line x1="${m.left}" y1="${height - m.bottom}" x2="${width - m.right}" y2="${height - m.bottom}" stroke="#333"/>`,
    `<line x1="${m.left}" y1="${height - m.bottom}" x2="${m.left}" y2="${m.top}" stroke="#333"/>`,
    `<line x1="${width - m.right}" y1="${height - m.bottom}" x2="${width - m.right}" y2="${m.top}" stroke="#333"/>`,
    `<text x="${m.left - 8}" y="${m.top - 10}" text-anchor="end">ms</text>`,
    `<text x="${width - m.right + 8}" y="${m.top - 10}">errors %</text>`,
  );
  for (let i = 0; i <= 5; i++) {
    const v = (maxMs / 5) * i;
    parts.push(
      `<line x1="${m.left}" y1="${f(yMs(v))}" x2="${width - m.right}" y2="${f(yMs(v))}" stroke="#eee"/>`,
      `<text x="${m.left - 8}" y="${f(yMs(v) + 4)}" text-anchor="end">${v.toFixed(0)}</text>`,
      `<text x="${width - m.right + 8}" y="${f(yPct(i * 20) + 4)}">${i * 20}</text>`,
    );
  }
  const step = end > 300 ? 60 : end > 120 ? 30 : 10;
  for (let s = 0; s <= end; s += step)
    parts.push(`<text x="${f(x(s))}" y="${height - m.bottom + 16}" text-anchor="middle">${s}</text>`);
  parts.push(
    `<text x="${(m.left + width - m.right) / 2}" y="${height - m.bottom + 32}" text-anchor="middle">seconds into the workload</text>`,
  );
  const line = (points: [number, number][], color: string, dash = '') =>
    parts.push(
      `<polyline fill="none" stroke="${color}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''} points="${points
        .map(([px, py]) => `${f(px)},${f(py)}`)
        .join(' ')}"/>`,
    );
  const busy = buckets.filter((b) => b.requests > 0);
  line(
    busy.map((b) => [x(b.second + 1), yMs(b.p50)]),
    '#059669',
  );
  line(
    busy.map((b) => [x(b.second + 1), yMs(b.p95)]),
    '#2563eb',
  );
  line(
    busy.map((b) => [x(b.second + 1), yPct((100 * b.errors) / b.requests)]),
    '#dc2626',
    '5 3',
  );
  const legend: [string, string, string][] = [
    ['line', '#059669', 'p50 latency'],
    ['line', '#2563eb', 'p95 latency'],
    ['dash', '#dc2626', 'errors (not ok), % of answers'],
    ['box', '#f59e0b', 'Meilisearch down'],
    ['box', '#3b82f6', 'SMTP refusing (top band)'],
    ['box', '#111827', 'PostgreSQL restarting'],
    ['vline', '#7c3aed', 'API process killed / back (dashed)'],
  ];
  legend.forEach(([kind, color, label], i) => {
    const lx = m.left + (i % 4) * 190;
    const ly = height - 30 + Math.floor(i / 4) * 18;
    if (kind === 'box')
      parts.push(`<rect x="${lx}" y="${ly - 9}" width="22" height="10" fill="${color}" fill-opacity="0.35"/>`);
    else
      parts.push(
        `<line x1="${lx}" y1="${ly - 4}" x2="${lx + 22}" y2="${ly - 4}" stroke="${color}" stroke-width="2"${kind === 'dash' ? ' stroke-dasharray="5 3"' : ''}/>`,
      );
    parts.push(`<text x="${lx + 28}" y="${ly}">${label}</text>`);
  });
  parts.push('</svg>');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${parts.join('\n')}\n`);
}
