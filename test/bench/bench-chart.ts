/** An SVG line chart of p95 latency by directory size (log scale on x), one line per path and concurrency. */
import * as fs from 'fs';
import * as path from 'path';

export interface Series {
  label: string;
  color: string;
  dashed?: boolean;
  points: { size: number; p95: number }[];
}

export function writeChart(file: string, title: string, series: Series[]): void {
  const width = 720;
  const height = 420;
  const m = { left: 70, right: 200, top: 40, bottom: 50 };
  const sizes = [...new Set(series.flatMap((s) => s.points.map((p) => p.size)))].sort((a, b) => a - b);
  const maxY = Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.p95))) * 1.1;
  const lo = Math.log10(sizes[0]);
  const hi = Math.log10(sizes[sizes.length - 1]);
  const x = (size: number) =>
    m.left + (hi === lo ? 0.5 : (Math.log10(size) - lo) / (hi - lo)) * (width - m.left - m.right);
  const y = (v: number) => height - m.bottom - (v / maxY) * (height - m.top - m.bottom);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${m.left}" y="24" font-size="15">${title}</text>`,
    `<line x1="${m.left}" y1="${y(0)}" x2="${width - m.right}" y2="${y(0)}" stroke="#333"/>`,
    `<line x1="${m.left}" y1="${y(0)}" x2="${m.left}" y2="${m.top}" stroke="#333"/>`,
    `<text x="16" y="${m.top - 10}">p95 ms</text>`,
  ];
  for (let i = 0; i <= 5; i++) {
    const v = (maxY / 5) * i;
    parts.push(
      `<line x1="${m.left}" y1="${y(v)}" x2="${width - m.right}" y2="${y(v)}" stroke="#ddd"/>`,
      `<text x="${m.left - 8}" y="${y(v) + 4}" text-anchor="end">${v.toFixed(0)}</text>`,
    );
  }
  for (const size of sizes)
    parts.push(
      `<text x="${x(size)}" y="${height - m.bottom + 18}" text-anchor="middle">${size.toLocaleString('en-US')}</text>`,
    );
  parts.push(
    `<text x="${(m.left + width - m.right) / 2}" y="${height - 12}" text-anchor="middle">therapists in the directory</text>`,
  );
  series.forEach((s, i) => {
    const pts = s.points.map((p) => `${x(p.size).toFixed(1)},${y(p.p95).toFixed(1)}`).join(' ');
    const dash = s.dashed ? ' stroke-dasharray="6 4"' : '';
    parts.push(`<polyline fill="none" stroke="${s.color}" stroke-width="2"${dash} points="${pts}"/>`);
    for (const p of s.points) parts.push(`<circle cx="${x(p.size)}" cy="${y(p.p95)}" r="3" fill="${s.color}"/>`);
    const ly = m.top + 10 + i * 20;
    parts.push(
      `<line x1="${width - m.right + 15}" y1="${ly}" x2="${width - m.right + 40}" y2="${ly}" stroke="${s.color}" stroke-width="2"${dash}/>`,
      `<text x="${width - m.right + 46}" y="${ly + 4}">${s.label}</text>`,
    );
  });
  parts.push('</svg>');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${parts.join('\n')}\n`);
}
