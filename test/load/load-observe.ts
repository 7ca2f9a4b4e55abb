/** The API's and PostgreSQL's memory and connections, sampled at the start and the end of `npm run load`. */
import * as fs from 'fs';
import * as path from 'path';
import type { Client } from 'pg';
import { rssMb } from '../bench/bench-support';
import type { ResourceSample } from './load-mix';

/** Proportional set size in MB (shared buffers counted once across processes); resident size when unreadable. */
function pssMb(pid: number): number {
  try {
    const line = fs
      .readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Pss:'));
    if (line) return Number(line.replace(/\D+/g, '')) / 1024;
  } catch {
    // fall through
  }
  try {
    return rssMb(pid);
  } catch {
    return 0; // the process ended meanwhile
  }
}

/** The postmaster (first line of postmaster.pid) and every process it started. */
function postgresPids(dataDir: string): number[] {
  const postmaster = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const children = fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return Number(fs.readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1].split(' ')[1]) === postmaster;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [postmaster, ...children];
}

export async function sampleResources(db: Client, apiPid: number | undefined, dataDir: string) {
  const { rows } = await db.query<{ api: number; total: number; stuck: number }>(
    `SELECT count(*) FILTER (WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()
                               AND datname = current_database())::int AS api,
            count(*) FILTER (WHERE backend_type = 'client backend')::int AS total,
            count(*) FILTER (WHERE (wait_event_type = 'Lock' OR state LIKE 'idle in transaction%')
                               AND now() - state_change > interval '5 seconds')::int AS stuck
       FROM pg_stat_activity`,
  );
  const sample: ResourceSample = {
    apiRssMb: rssMb(apiPid),
    postgresMb: postgresPids(dataDir).reduce((mb, pid) => mb + pssMb(pid), 0),
    apiConnections: rows[0].api,
    totalConnections: rows[0].total,
    stuck: rows[0].stuck,
  };
  return sample;
}
