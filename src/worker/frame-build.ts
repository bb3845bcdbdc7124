import { happeningsSince, newerThan, snapshot, trafficOf, type Machine } from '../sim';
import type { AppliedInput, Frame, LessonStatus, ShellOutput, Since } from '../contract';

export const HAPPENINGS_PER_FRAME = 40;
export const TRAFFIC_PER_FRAME = 250;
export const CPU_MARKS_PER_FRAME = 600;

/** What the engine stands on when it answers. */
export interface FrameSource {
  readonly m: Machine;
  readonly tw: Machine | null;
  readonly logLength: number;
  readonly seeking: boolean;
  readonly lesson: LessonStatus | null;
}

/** What this answer carries besides the machine's state. */
export interface FrameParts {
  readonly applied: readonly AppliedInput[];
  readonly shell: readonly ShellOutput[];
  readonly fork: Frame['fork'];
  readonly advancedNs: number;
  readonly lagging: boolean;
}

/** One frame for the page (DESIGN §4): the view, and what is new since the page's last one. */
export function buildFrame(src: FrameSource, parts: FrameParts, since: Since): Frame {
  const { m } = src;
  const traffic = newerThan(trafficOf(m), since.sinceTraffic ?? -1, TRAFFIC_PER_FRAME);
  return {
    t: m.now,
    lesson: src.lesson,
    view: snapshot(m),
    twin: src.tw ? snapshot(src.tw) : null,
    applied: parts.applied,
    shell: parts.shell,
    happenings: happeningsSince(m, since.sinceHappening, HAPPENINGS_PER_FRAME),
    traffic: traffic.items,
    trafficOmitted: traffic.omitted,
    cpuMarks: newerThan(m.cpuLog, since.sinceCpuMark ?? -1, CPU_MARKS_PER_FRAME).items,
    trafficHead: m.trafficSeq,
    cpuMarkHead: m.cpuLogSeq,
    logLength: src.logLength,
    happeningHead: m.happeningSeq,
    fork: parts.fork,
    advancedNs: parts.advancedNs,
    lagging: parts.lagging,
    seeking: src.seeking,
  };
}
