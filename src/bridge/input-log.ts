import type { Frame, LogEntry } from '../contract';

/** The worker's input log, mirrored from a frame into `log` (what a restart replays). */
export function mirrorLog(log: LogEntry[], f: Frame): void {
  // A rewind to a lesson step also shortens the log.
  if (f.fork || f.applied.length > 0 || f.logLength < log.length) {
    log.length = Math.max(0, f.logLength - f.applied.length);
    for (const a of f.applied) log.push({ atNs: a.atNs, input: a.input });
  }
}
