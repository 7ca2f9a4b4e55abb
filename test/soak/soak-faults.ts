/** Carries out the fault schedule while the workload runs, and notes when each fault really began and ended. */
import { performance } from 'perf_hooks';
import type { FaultMarks } from './soak-chart';
import type { CheckResult } from './soak-checks';
import type { SoakClient } from './soak-client';
import { type FaultAction, type FaultSchedule, faultTimeline } from './soak-schedule';
import type { SoakServices } from './soak-services';

export interface FaultReport {
  marks: FaultMarks;
  summary: string[];
  check: CheckResult;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function runFaults(
  s: SoakServices,
  client: SoakClient,
  schedule: FaultSchedule,
  planned: number,
  work: Promise<unknown>,
  startedAt: number,
): { now: () => string; done: Promise<FaultReport> } {
  const marks: FaultMarks = { meiliDown: [], smtpRefusing: [], apiKill: [], apiBack: [], pgRestart: [] };
  const at = () => (performance.now() - startedAt) / 1000;
  const active = new Set<string>();
  const problems: string[] = [];
  let writesCut = 0;
  let apiRestart: Promise<void> = Promise.resolve();
  let finished = false;
  void work.finally(() => (finished = true));

  const execute = async (action: FaultAction) => {
    switch (action.kind) {
      case 'meili-kill':
        s.killMeili();
        marks.meiliDown.push({ from: at(), to: at() });
        active.add('Meilisearch down');
        return;
      case 'meili-start':
        await s.startMeili();
        marks.meiliDown[marks.meiliDown.length - 1].to = at();
        active.delete('Meilisearch down');
        return;
      case 'smtp-refuse':
        await s.smtp.refuse();
        marks.smtpRefusing.push({ from: at(), to: at() });
        active.add('SMTP refusing');
        return;
      case 'smtp-accept':
        await s.smtp.accept();
        marks.smtpRefusing[marks.smtpRefusing.length - 1].to = at();
        active.delete('SMTP refusing');
        return;
      case 'api-kill': {
        // Mid-write: wait (a little) until a write sent to that process has not been answered yet.
        const deadline = performance.now() + 5000;
        while (client.writesInFlight(action.api) === 0 && performance.now() < deadline) await sleep(2);
        writesCut = client.writesInFlight(action.api);
        if (writesCut === 0) problems.push('the API process was killed with no write in flight');
        s.killApi(action.api);
        marks.apiKill.push(at());
        active.add(`API ${action.api + 1} down`);
        apiRestart = s.startApi(action.api).then(
          () => {
            marks.apiBack.push(at());
            active.delete(`API ${action.api + 1} down`);
          },
          (error: Error) => void problems.push(`the API process did not come back: ${error.message}`),
        );
        return;
      }
      case 'pg-restart':
        marks.pgRestart.push({ from: at(), to: at() });
        active.add('PostgreSQL restarting');
        await s.restartPostgres();
        marks.pgRestart[0].to = at();
        active.delete('PostgreSQL restarting');
        return;
    }
  };

  const done = (async (): Promise<FaultReport> => {
    const actions = faultTimeline(schedule);
    let next = 0;
    while (next < actions.length) {
      // The workload may end before the last fault is due (few operations): the rest run at once, so that
      // every restart has happened before the checks.
      if (finished || client.done / planned >= actions[next].at) {
        await execute(actions[next].action).catch(
          (e: Error) => void problems.push(`${actions[next].action.kind}: ${e.message}`),
        );
        next++;
      } else await sleep(20);
    }
    await apiRestart;
    await work;
    const total = Math.max(at(), 0.001);
    const down = marks.meiliDown.reduce((sum, w) => sum + (w.to - w.from), 0);
    const refused = marks.smtpRefusing.reduce((sum, w) => sum + (w.to - w.from), 0);
    const pg = marks.pgRestart[0];
    const api = marks.apiKill[0];
    const summary = [
      `Meilisearch down ${down.toFixed(1)} s in ${marks.meiliDown.length} windows (${((100 * down) / total).toFixed(0)}% of the ${total.toFixed(0)} s workload)`,
      `API process ${schedule.apiKill.api + 1} killed at ${api?.toFixed(1)} s with ${writesCut} write(s) in flight, answering again ${marks.apiBack[0] !== undefined ? `${(marks.apiBack[0] - api).toFixed(1)} s later` : 'never'}`,
      `PostgreSQL restarted at ${pg?.from.toFixed(1)} s (fast shutdown and start: ${pg ? (pg.to - pg.from).toFixed(1) : '?'} s)`,
      `SMTP sink refused connections for ${refused.toFixed(1)} s`,
    ];
    return {
      marks,
      summary,
      check: {
        name: 'Faults injected as scheduled',
        pass: problems.length === 0,
        figures: `Meilisearch down ${((100 * down) / total).toFixed(0)}% of the run, 1 API kill (${writesCut} writes in flight), 1 PostgreSQL restart, SMTP refusing ${refused.toFixed(0)} s`,
        violations: problems,
      },
    };
  })();
  return { now: () => [...active].join(', '), done };
}
