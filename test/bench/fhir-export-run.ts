/** The bulk `$export` part of the FHIR benchmark: kick-off, polling, NDJSON download, API peak memory. */
import { performance } from 'perf_hooks';
import { progress, rssMb } from './bench-support';

export interface ExportFigures {
  resources: number;
  seconds: number;
  perSecond: number;
  baselineMb: number;
  peakMb: number;
  /** Peak resident memory in each quarter of the writing phase (kick-off to manifest), then while downloading. */
  quarterPeaksMb: number[];
  downloadPeakMb: number;
  files: { type: string; count: number; lines: number }[];
}

interface Manifest {
  output: { type: string; url: string; count: number }[];
}

/** Runs one full-directory export against `apiUrl`, sampling the resident memory of `pid` every 50 ms. */
export async function runExport(apiUrl: string, pid: number | undefined): Promise<ExportFigures> {
  const baselineMb = rssMb(pid);
  let peakMb = baselineMb;
  const samples: { at: number; mb: number }[] = [];
  const sampler = setInterval(() => {
    const mb = rssMb(pid);
    peakMb = Math.max(peakMb, mb);
    samples.push({ at: performance.now(), mb });
  }, 50);
  try {
    const started = performance.now();
    const kickOff = await fetch(`${apiUrl}/fhir/$export`, {
      headers: { accept: 'application/fhir+json', prefer: 'respond-async' },
    });
    const statusUrl = kickOff.headers.get('content-location');
    if (kickOff.status !== 202 || !statusUrl)
      throw new Error(`$export kick-off answered ${kickOff.status}: ${(await kickOff.text()).slice(0, 300)}`);
    let manifest: Manifest | undefined;
    let polls = 0;
    while (!manifest) {
      const res = await fetch(statusUrl);
      if (res.status === 200) manifest = (await res.json()) as Manifest;
      else if (res.status !== 202)
        throw new Error(`$export status answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
      else {
        await res.arrayBuffer();
        if (++polls % 20 === 0)
          console.log(
            `  export running (${res.headers.get('x-progress')}), ${((performance.now() - started) / 1000).toFixed(0)} s`,
          );
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    const written = performance.now();
    const total = manifest.output.reduce((sum, o) => sum + o.count, 0);
    console.log(
      `  export manifest after ${((performance.now() - started) / 1000).toFixed(1)} s: ${manifest.output.map((o) => `${o.type} ${o.count.toLocaleString('en-US')}`).join(', ')}`,
    );
    const files: ExportFigures['files'] = [];
    let downloaded = 0;
    for (const output of manifest.output) {
      const res = await fetch(output.url);
      if (res.status !== 200 || !res.body)
        throw new Error(`$export file ${output.type} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
      let lines = 0;
      const decoder = new TextDecoder();
      let tail = '';
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        const text = tail + decoder.decode(chunk, { stream: true });
        const parts = text.split('\n');
        tail = parts.pop() ?? '';
        for (const part of parts) if (part.trim()) lines++;
        const before = downloaded;
        downloaded = files.reduce((s, f) => s + f.lines, 0) + lines;
        if (Math.floor(downloaded / 50_000) > Math.floor(before / 50_000))
          progress('NDJSON resources downloaded', downloaded, total, started);
      }
      if (tail.trim()) lines++;
      files.push({ type: output.type, count: output.count, lines });
    }
    const seconds = (performance.now() - started) / 1000;
    const resources = files.reduce((s, f) => s + f.lines, 0);
    const quarter = (written - started) / 4;
    const peakBetween = (from: number, to: number) =>
      samples.filter((x) => x.at >= from && x.at < to).reduce((max, x) => Math.max(max, x.mb), 0);
    const quarterPeaksMb = [0, 1, 2, 3].map((q) => peakBetween(started + q * quarter, started + (q + 1) * quarter));
    const downloadPeakMb = peakBetween(written, Infinity);
    return {
      resources,
      seconds,
      perSecond: resources / seconds,
      baselineMb,
      peakMb,
      quarterPeaksMb,
      downloadPeakMb,
      files,
    };
  } finally {
    clearInterval(sampler);
  }
}
