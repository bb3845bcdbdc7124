import type { Cpu, CpuState, Machine, Msg } from './types';
import type { TrafficEvent, TrafficKind } from '../contract';

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
  pushTraffic(m, kind, msg.id, msg.from, msg.to, cpu, msg.category, msg.subtype, reason);
}

export function emitRawIpi(m: Machine, from: number, to: number, cpu: Cpu): void {
  pushTraffic(m, 'ipi', -1, from, to, cpu.id, 'IPI', 'raw', '');
}

// The traffic buffer is `m.traffic` (events as objects) followed by `m.trafficRawCount` records
// not yet made into objects, in a ring from record `m.trafficRawAt`: NUMS numbers per record in
// `m.trafficNums` (a Float64Array: no number is boxed) and TEXTS strings in `m.trafficTexts`.
// Two events per message were most of what the sim allocated per event, and most leave the
// buffer before anyone reads them (a seek, a replay, the bench). `trafficOf` makes the objects
// when someone reads; the buffer holds exactly the events it held as objects alone.
const NUMS = 6; // seq, t, id, from, to, cpu
const TEXTS = 4; // kind, category, subtype, reason
/** Records the ring holds at first; it doubles when full (a small machine keeps a small ring). */
const RING_MIN = 64;

function pushTraffic(
  m: Machine,
  kind: TrafficKind,
  id: number,
  from: number,
  to: number,
  cpu: number,
  category: TrafficEvent['category'],
  subtype: string,
  reason: string,
): void {
  if (m.trafficRawCount * NUMS === m.trafficNums.length) growRing(m);
  const size = m.trafficNums.length / NUMS;
  let r = m.trafficRawAt + m.trafficRawCount;
  if (r >= size) r -= size;
  const nums = m.trafficNums;
  const i = r * NUMS;
  nums[i] = m.trafficSeq++;
  nums[i + 1] = m.now;
  nums[i + 2] = id;
  nums[i + 3] = from;
  nums[i + 4] = to;
  nums[i + 5] = cpu;
  const texts = m.trafficTexts;
  const j = r * TEXTS;
  texts[j] = kind;
  texts[j + 1] = category;
  texts[j + 2] = subtype;
  texts[j + 3] = reason;
  m.trafficRawCount++;
  if (m.config.exportTrace) return;
  const length = m.traffic.length + m.trafficRawCount;
  if (length > TRAFFIC_CAP + TRAFFIC_CAP / 4) dropTraffic(m, length - TRAFFIC_CAP);
}

/** A ring twice as big (RING_MIN at first), its records moved to the front in order. */
function growRing(m: Machine): void {
  const size = m.trafficNums.length / NUMS;
  const bigger = Math.max(RING_MIN, 2 * size);
  const nums = new Float64Array(bigger * NUMS);
  const texts = new Array<string>(bigger * TEXTS).fill('');
  for (let c = 0; c < m.trafficRawCount; c++) {
    const r = (m.trafficRawAt + c) % size;
    for (let k = 0; k < NUMS; k++) nums[c * NUMS + k] = m.trafficNums[r * NUMS + k] as number;
    for (let k = 0; k < TEXTS; k++) texts[c * TEXTS + k] = m.trafficTexts[r * TEXTS + k] as string;
  }
  m.trafficNums = nums;
  m.trafficTexts = texts;
  m.trafficRawAt = 0;
}

/** Drops the oldest `n` events of the buffer. */
function dropTraffic(m: Machine, n: number): void {
  const made = m.traffic.length;
  if (n <= made) {
    m.traffic.splice(0, n);
    return;
  }
  if (made > 0) m.traffic.splice(0, made);
  const size = m.trafficNums.length / NUMS;
  m.trafficRawAt = (m.trafficRawAt + n - made) % size;
  m.trafficRawCount -= n - made;
}

/** The traffic buffer, oldest first (read it here: `m.traffic` alone lacks the newest). */
export function trafficOf(m: Machine): readonly TrafficEvent[] {
  const nums = m.trafficNums;
  const texts = m.trafficTexts;
  const size = nums.length / NUMS;
  for (let c = 0; c < m.trafficRawCount; c++) {
    const r = (m.trafficRawAt + c) % size;
    const i = r * NUMS;
    const j = r * TEXTS;
    m.traffic.push({
      seq: nums[i] as number,
      t: nums[i + 1] as number,
      kind: texts[j] as TrafficKind,
      id: nums[i + 2] as number,
      from: nums[i + 3] as number,
      to: nums[i + 4] as number,
      cpu: nums[i + 5] as number,
      category: texts[j + 1] as TrafficEvent['category'],
      subtype: texts[j + 2] as string,
      reason: texts[j + 3] as string,
    });
  }
  m.trafficRawAt = 0;
  m.trafficRawCount = 0;
  return m.traffic;
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
