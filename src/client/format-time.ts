/** "12 s", "3 min 5 s": durations for progress bars and ETAs. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '–';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${seconds % 60} s`;
}

/** Remaining time from the rate so far; undefined until there is a rate. */
export function eta(startedAt: number, now: number, done: number, total: number): number | undefined {
  if (done <= 0 || done >= total) return undefined;
  return ((now - startedAt) / done) * (total - done);
}
