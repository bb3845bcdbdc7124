import {
  advanceTo,
  createMachine,
  twinScenario,
  type Input,
  type Machine,
  type Scenario,
} from '../sim';
import type { ShellResult, ShellWait } from '../shell';
import {
  MAX_LINE,
  MAX_SETUP_EVENTS,
  type AppliedInput,
  type LabInput,
  type LogEntry,
  type ShellOutput,
} from '../contract';
import { applyEntry, type EntryResult, type TimelineLesson } from './apply-entry';
import { CHECKPOINT_EVERY_EVENTS, Checkpoints, forCheckpoint } from './checkpoints';
import { rebuildTwin } from './twin-rebuild';

/** Re-simulation during a seek runs in chunks of this many events, yielding between them. */
export const SEEK_CHUNK = 200_000;

/**
 * The machine over time: its input log, the twin beside it, checkpoints, running forward, seeking
 * back and forking. Every input — the page's, a replayed one, a script's — goes through `run`.
 */
export class Timeline {
  private m: Machine;
  private tw: Machine | null;
  private log: LogEntry[] = [];
  /** How many log entries the machine has seen: after a rewind, fewer than the log holds. */
  private appliedCount = 0;
  /** The machine inputs each logged shell line expanded to when it ran (the twin replays them). */
  private readonly expanded = new WeakMap<LogEntry, readonly Input[]>();
  private readonly checkpoints: Checkpoints;
  private shellSeq = 0;
  /** Entries the worker logged on its own since the last frame (the page mirrors the log). */
  private own: AppliedInput[] = [];
  private ownShell: ShellOutput[] = [];
  private lesson: TimelineLesson | null = null;
  seeking = false;

  constructor(
    readonly scenario: Scenario,
    readonly seed: number,
    twin: boolean,
    checkpointEvery = CHECKPOINT_EVERY_EVENTS,
  ) {
    this.checkpoints = new Checkpoints(checkpointEvery);
    // A scenario from a file or a link may ask for a setup that never settles: bounded.
    this.m = createMachine(scenario, seed, MAX_SETUP_EVENTS);
    this.tw = twin ? createMachine(twinScenario(scenario), seed, MAX_SETUP_EVENTS) : null;
  }

  /** Attach a lesson before the first checkpoint is taken. */
  attach(lesson: TimelineLesson): void {
    this.lesson = lesson;
  }

  /** Take the power-on checkpoint, then stand on `log` run to `t`. */
  start(log: readonly LogEntry[] | undefined, t: number | undefined): void {
    const target = this.begin(log, t);
    if (target !== null) this.runTo(target, Number.MAX_SAFE_INTEGER);
  }

  /** Take the power-on checkpoint and hold `log`: where `start` would run to (null: stay). */
  begin(log: readonly LogEntry[] | undefined, t: number | undefined): number | null {
    this.checkpoint();
    if (log) this.log = [...log];
    return t !== undefined || this.log.length > 0 ? Math.max(t ?? 0, this.m.now) : null;
  }

  get now(): number {
    return this.m.now;
  }
  get machine(): Machine {
    return this.m;
  }
  get twin(): Machine | null {
    return this.tw;
  }
  get entries(): readonly LogEntry[] {
    return this.log;
  }
  /** Standing before the end of the log (after a rewind): an input now forks the timeline. */
  get behind(): boolean {
    return this.appliedCount < this.log.length;
  }

  /**
   * An input from the page, applied now. It is logged unless it is a shell line that only reads
   * while standing before the end of the log (that changes nothing, so it must not fork).
   */
  input(input: LabInput): {
    applied: AppliedInput | null;
    shell: ShellOutput | null;
    fork: { atNs: number; dropped: number } | null;
  } {
    const atNs = this.m.now;
    const entry: LogEntry = { atNs, input };
    const r = this.run(entry);
    const shell = r.shell ? this.shellOutput(entry, r.shell) : null;
    // A line too long for any log (links, files, saved progress take at most MAX_LINE) is
    // refused by the shell and never logged: logged, it would make every save unloadable.
    const tooLong = input.type === 'shell.line' && input.line.length > MAX_LINE;
    if (r.shell && r.shell.inputs.length === 0 && (this.behind || tooLong)) {
      return { applied: null, shell, fork: null };
    }
    const fork = this.behind ? { atNs, dropped: this.log.length - this.appliedCount } : null;
    if (fork) this.truncate();
    this.push(entry);
    return { applied: { atNs, input, result: r.result }, shell, fork };
  }

  /** Log and apply an input now for the worker's own reasons (a script, a deep link). */
  take(input: LabInput): void {
    if (this.behind) this.truncate();
    const entry: LogEntry = { atNs: this.m.now, input };
    const r = this.run(entry);
    this.push(entry);
    this.own.push({ atNs: entry.atNs, input, result: r.result });
    if (r.shell) this.ownShell.push(this.shellOutput(entry, r.shell));
  }

  /** What the worker logged on its own since the last call (the next frame carries it). */
  drainOwn(): { applied: AppliedInput[]; shell: ShellOutput[] } {
    return { applied: this.own.splice(0), shell: this.ownShell.splice(0) };
  }

  private push(entry: LogEntry): void {
    this.log.push(entry);
    this.appliedCount = this.log.length;
  }

  private shellOutput(entry: LogEntry, r: ShellResult): ShellOutput {
    const line = entry.input.type === 'shell.line' ? entry.input.line : '';
    const out = { seq: this.shellSeq++, atNs: entry.atNs, line, output: r.output, exit: r.exit };
    if (r.wait) this.onWait?.(r.wait, out); // blocked in a system call: the engine answers it
    return r.wait ? { ...out, waiting: true } : out;
  }
  /** Told of each line that blocks, live or scripted (src/worker/shell-wait.ts). */
  onWait: ((w: ShellWait, out: ShellOutput) => void) | null = null;

  /** Drop the log after the machine's position. */
  truncate(): void {
    this.log.length = this.appliedCount;
    this.checkpoints.keep((c) => c.applied <= this.appliedCount && c.t <= this.m.now);
  }

  /** Apply one entry to the machine, the twin and the lesson: the same path for every source. */
  private run(e: LogEntry): EntryResult {
    return applyEntry({ m: this.m, tw: this.tw, lesson: this.lesson, expanded: this.expanded }, e);
  }

  /**
   * Run to `t`, applying logged inputs (and a script's) as their times come. Returns false when
   * the event budget ran out first (the machine then stands at its last event).
   */
  runTo(t: number, budget: number): boolean {
    const lesson = this.lesson;
    let left = budget;
    for (;;) {
      const next = this.log[this.appliedCount];
      const scriptAt = this.behind || !lesson ? Infinity : lesson.nextScriptAt();
      const stop = Math.min(t, next && next.atNs <= t ? next.atNs : t, scriptAt);
      for (;;) {
        // A lesson's chunks are whole whatever the budget (which may overrun by one), so its goals
        // see the same instants whether a replay runs in one go or in a seek's chunks.
        const chunk = lesson ? lesson.chunk : left;
        const used = advanceTo(this.m, stop, chunk);
        left -= used;
        lesson?.observe();
        if (used < chunk || this.m.now >= stop) break;
        if (left <= 0) return this.twinTo(this.m.now, false);
      }
      if (this.m.now < stop) return this.twinTo(this.m.now, false);
      if (next && next.atNs <= t && next.atNs <= this.m.now) {
        this.appliedCount++;
        this.run(next);
        lesson?.observe();
        continue;
      }
      if (lesson && scriptAt <= t && this.m.now >= scriptAt) {
        lesson.fireScript();
        continue;
      }
      return this.twinTo(t, true);
    }
  }

  private twinTo(t: number, done: boolean): boolean {
    if (this.tw) advanceTo(this.tw, t);
    return done;
  }

  /**
   * Stand at time `t`: from the latest checkpoint at or before it, re-simulate in chunks, yielding
   * between them so frame requests are answered while a long seek runs. After each chunk `stop`
   * may say to stand where it is: then false (the machine is short of `t`).
   */
  async seek(
    t: number,
    yieldNow: () => Promise<void>,
    stop: () => boolean = () => false,
  ): Promise<boolean> {
    if (this.seeking) return false;
    this.seeking = true;
    try {
      // Back in time, or forward past a checkpoint: start from the latest one at or before t.
      const cp = this.checkpoints.atOrBefore(t);
      const ahead = cp && cp.t > this.m.now && cp.applied >= this.appliedCount;
      if (t < this.m.now || ahead) this.restoreFrom(t);
      while (!this.runTo(t, SEEK_CHUNK)) {
        this.maybeCheckpoint();
        await yieldNow();
        if (stop()) return false;
      }
      this.maybeCheckpoint();
      return true;
    } finally {
      this.seeking = false;
    }
  }

  /**
   * Keep the first `keep` log entries and stand at `at`, where the last of them was logged (back /
   * reset step): restore before it, then run to it, so it is applied and nothing after it is.
   */
  async cutTo(keep: number, at: number, yieldNow: () => Promise<void>): Promise<void> {
    this.log.length = keep;
    this.checkpoints.keep((c) => c.applied <= keep && c.t <= at);
    this.restoreFrom(at);
    if (this.appliedCount > keep) this.restoreFrom(-1);
    await this.seek(at, yieldNow);
  }

  private restoreFrom(t: number): void {
    const cp = this.checkpoints.atOrBefore(t);
    if (!cp) {
      // Before every checkpoint (the twin was switched on later): start again from power-on.
      const twin = this.tw !== null;
      this.m = createMachine(this.scenario, this.seed);
      this.tw = twin ? createMachine(twinScenario(this.scenario), this.seed) : null;
      this.lesson?.restore(null);
      this.appliedCount = 0;
      return;
    }
    this.m = structuredClone(cp.machine);
    this.tw = cp.twin ? structuredClone(cp.twin) : null;
    this.lesson?.restore(cp.lesson ? structuredClone(cp.lesson) : null);
    this.appliedCount = cp.applied;
  }

  setTwin(on: boolean): void {
    if (on === (this.tw !== null)) return;
    if (!on) {
      this.tw = null;
      this.checkpoints.withoutTwin();
      return;
    }
    this.tw = rebuildTwin(
      this.scenario,
      this.seed,
      this.log.slice(0, this.appliedCount),
      (e) => this.expanded.get(e) ?? [],
      this.lesson?.mirrorFaults !== false,
      this.m.now,
    );
    // Older checkpoints hold no twin: drop them (an earlier seek then starts from power-on).
    this.checkpoints.clear();
    this.checkpoint();
  }

  private snapshotNow() {
    return {
      t: this.m.now,
      applied: this.appliedCount,
      events: this.m.counters.events,
      machine: forCheckpoint(this.m),
      twin: this.tw ? forCheckpoint(this.tw) : null,
      lesson: this.lesson ? structuredClone(this.lesson.save()) : null,
    };
  }

  private checkpoint(): void {
    this.checkpoints.add(this.snapshotNow());
  }

  maybeCheckpoint(): void {
    if (this.checkpoints.due(this.m.counters.events, this.m.now)) {
      this.checkpoints.addThinned(this.snapshotNow());
    }
  }

  get checkpointCount(): number {
    return this.checkpoints.count;
  }
}
