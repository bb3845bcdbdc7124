import type { Cpu, CpuState, Machine, Msg } from './types';
import type { TrafficKind } from '../contract';

export type { CpuMark, TrafficEvent, TrafficKind } from '../contract';

/**
 * What the UI animates and the timeline draws: message traffic and CPU transitions, in bounded
 * buffers with sequence numbers (frames carry what is new). Not part of the trace hash.
 */
export const TRAFFIC_CAP = 4000;
export const CPU_LOG_CAP = 4000;

export function emitTraffic(
  m: Machine,
  kind: TrafficKind,
  msg: Msg,
  cpu: number,
  reason = '',
): void {
  const cap = m.config.exportTrace ? Number.MAX_SAFE_INTEGER : TRAFFIC_CAP;
  m.traffic.push({
    seq: m.trafficSeq++,
    t: m.now,
    kind,
    id: msg.id,
    from: msg.from,
    to: msg.to,
    cpu,
    category: msg.category,
    subtype: msg.subtype,
    reason,
  });
  if (m.traffic.length > cap + cap / 4) m.traffic.splice(0, m.traffic.length - cap);
}

export function emitRawIpi(m: Machine, from: number, to: number, cpu: Cpu): void {
  const cap = m.config.exportTrace ? Number.MAX_SAFE_INTEGER : TRAFFIC_CAP;
  m.traffic.push({
    seq: m.trafficSeq++,
    t: m.now,
    kind: 'ipi',
    id: -1,
    from,
    to,
    cpu: cpu.id,
    category: 'IPI',
    subtype: 'raw',
    reason: '',
  });
  if (m.traffic.length > cap + cap / 4) m.traffic.splice(0, m.traffic.length - cap);
}

/** Record CPUs whose state or owner changed since the last look (cheap: called off the hot path). */
export function noteCpus(m: Machine): void {
  for (const c of m.cpus) {
    const key = c.owner * 8 + STATE_CODE[c.state];
    if (m.cpuSeen[c.id] === key) continue;
    m.cpuSeen[c.id] = key;
    m.cpuLog.push({ seq: m.cpuLogSeq++, t: m.now, cpu: c.id, state: c.state, owner: c.owner });
  }
  if (m.cpuLog.length > CPU_LOG_CAP + CPU_LOG_CAP / 4)
    m.cpuLog.splice(0, m.cpuLog.length - CPU_LOG_CAP);
}

const STATE_CODE: Record<CpuState, number> = {
  online: 0,
  offline: 1,
  parked: 2,
  booting: 3,
  halted: 4,
};
