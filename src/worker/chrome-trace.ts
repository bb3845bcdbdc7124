import { trafficOf, type Machine, type Scenario } from '../sim';
import type { LogEntry } from '../contract';
import { replayLog } from './replay-log';

/** Chrome trace-event format (opens in Perfetto and chrome://tracing). Times are in µs. */
interface TraceEvent {
  name: string;
  ph: 'X' | 's' | 'f' | 'M' | 'i';
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  id?: number;
  bp?: 'e';
  cat?: string;
  s?: 't' | 'p' | 'g';
  args?: Record<string, string | number>;
}

const us = (ns: number) => ns / 1000;

/** Replay the run with full recording and turn it into trace events: one track per CPU. */
export function exportChromeTrace(
  scenario: Scenario,
  seed: number,
  log: readonly LogEntry[],
  untilNs: number,
): string {
  const m = replayLog(
    { ...scenario, config: { ...scenario.config, exportTrace: true } },
    seed,
    log,
    untilNs,
  );
  return JSON.stringify({ traceEvents: traceEvents(m), displayTimeUnit: 'ns' });
}

export function traceEvents(m: Machine): TraceEvent[] {
  const out: TraceEvent[] = [
    { name: 'process_name', ph: 'M', pid: 1, tid: 0, args: { name: 'Multikernel Lab machine' } },
  ];
  for (const c of m.cpus) {
    out.push({ name: 'thread_name', ph: 'M', pid: 1, tid: c.id, args: { name: `CPU ${c.id}` } });
    out.push({ name: 'thread_sort_index', ph: 'M', pid: 1, tid: c.id, args: { sort_index: c.id } });
  }
  const names = new Map(m.workloads.map((w) => [w.id, w.name]));
  const s = m.slices ?? [];
  for (let i = 0; i + 3 < s.length; i += 4) {
    const cpu = s[i] as number;
    const start = s[i + 1] as number;
    const dur = s[i + 2] as number;
    const wl = s[i + 3] as number;
    out.push({
      name: names.get(wl) ?? `workload ${wl}`,
      ph: 'X',
      pid: 1,
      tid: cpu,
      ts: us(start),
      dur: us(dur),
      cat: 'task',
    });
  }
  // IPIs: a flow from the sending CPU to the CPU that handled the message.
  const sent = new Map<number, { t: number; cpu: number }>();
  let flow = 0;
  for (const e of trafficOf(m)) {
    if (e.kind === 'send') sent.set(e.id, { t: e.t, cpu: e.cpu });
    else if (e.kind === 'deliver') {
      const from = sent.get(e.id);
      if (!from || from.cpu < 0) continue;
      const name = `${e.category} ${e.subtype}`;
      flow++;
      out.push({
        name: 'send',
        ph: 'X',
        pid: 1,
        tid: from.cpu,
        ts: us(from.t),
        dur: 0.01,
        cat: 'ipi',
        args: { to: e.to },
      });
      out.push({ name, ph: 's', pid: 1, tid: from.cpu, ts: us(from.t), id: flow, cat: 'ipi' });
      out.push({
        name: 'handle',
        ph: 'X',
        pid: 1,
        tid: e.cpu,
        ts: us(e.t),
        dur: 0.01,
        cat: 'ipi',
        args: { from: e.from },
      });
      out.push({ name, ph: 'f', bp: 'e', pid: 1, tid: e.cpu, ts: us(e.t), id: flow, cat: 'ipi' });
    } else if (e.kind === 'reject' || e.kind === 'drop' || e.kind === 'overwrite') {
      out.push({
        name: `${e.kind} (${e.reason})`,
        ph: 'i',
        s: 't',
        pid: 1,
        tid: Math.max(0, e.cpu),
        ts: us(e.t),
        cat: 'ipi',
      });
    }
  }
  return out;
}
