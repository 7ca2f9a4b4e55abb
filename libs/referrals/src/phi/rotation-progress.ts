/** How far a key rotation is: referrals done of the total at the start, and the time it took so far. */
export interface RotationProgress {
  done: number;
  total: number;
  elapsedMs: number;
}

const count = (n: number) => n.toLocaleString('en-US');

function duration(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 90) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 90 ? `${minutes} min` : `${(minutes / 60).toFixed(1)} h`;
}

/** One progress line: "1,200 of 5,000 referrals re-wrapped (24%), 850/s, about 5 s left". */
export function rotationProgressLine({ done, total, elapsedMs }: RotationProgress): string {
  const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
  const perSecond = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const left = total - done;
  const estimate =
    left <= 0 ? 'done' : perSecond > 0 ? `about ${duration((left / perSecond) * 1000)} left` : 'estimating';
  return `${count(done)} of ${count(total)} referrals re-wrapped (${percent}%), ${count(Math.round(perSecond))}/s, ${estimate}`;
}
