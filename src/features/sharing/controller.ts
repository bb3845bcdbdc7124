import {
  ENGINE_VERSION,
  REPLAY_SCHEMA,
  SCENARIO_SCHEMA,
  SCENARIO_VERSION,
  type FileProblem,
  type PresetId,
  type ReplayConfig,
  type ScenarioRefusal,
} from '../../contract';
import type { SimBridge } from '../../bridge/sim-bridge';
import { Interrupted } from '../../bridge/worker-slot';
import { lessonStore } from '../../store/lesson-store';
import { setPlaying } from '../../store/playback-store';
import { prefsStore } from '../../store/prefs-store';
import { select } from '../../store/selection-store';
import { shareStore, type ImportResult, type SharedLink } from './share-store';
import { simStore } from '../../store/sim-store';
import { statusStore, type BootFailure } from '../../store/status-store';
import type { LessonSession } from '../../app/lesson-session';
import { parseProgressFile, progressFileText } from './progress-file';
import { readReplayLink, replayUrl } from './replay-link';
import { parseScenarioFile, scenarioFileText, scenarioOf } from './scenario-file';

/**
 * Sharing on the page (loaded on first use): the link of the machine as it stands, opening a
 * link, and progress / scenario files. Everything is checked whole before anything changes.
 */

export interface Context {
  readonly bridge: SimBridge;
  readonly lessons: LessonSession;
  /** The sandbox's preset and seed: a lesson's start spec, and the lab's start without a link. */
  readonly preset: PresetId;
  readonly seed: number;
}

/**
 * The link of the machine as it stands, and whether the lab could open it: read back with the
 * page's own checks, so a link too long (or a run past a limit) says so and offers the file.
 */
export function currentLink(
  ctx: Context,
  location: { origin: string; pathname: string },
): SharedLink {
  const spec = ctx.bridge.startSpec;
  const lesson = lessonStore.getState();
  const config: ReplayConfig = spec.lesson
    ? { lesson: spec.lesson, seed: spec.seed }
    : {
        scenario: spec.scenario,
        seed: spec.seed,
        ...(spec.version ? { version: spec.version } : {}),
        twin: spec.twin ?? false,
      };
  const url = replayUrl(
    location.origin + location.pathname,
    { schema: REPLAY_SCHEMA, engine: ENGINE_VERSION, config, log: [...ctx.bridge.inputLog] },
    {
      t: simStore.getState().t,
      step: spec.lesson ? (lesson.status?.step ?? null) : null,
      lang: prefsStore.getState().lang,
    },
  );
  const at = new URL(url);
  const read = readReplayLink(at.search, at.hash);
  const problem = read && !read.ok ? read.problem : null;
  return { url, problem, file: spec.lesson ? 'progress' : 'scenario' };
}

/**
 * Open the page's own `#r=` link: set the bridge's start spec and log before it boots. Returns
 * whether the link was taken (else the page starts as usual, with a notice when it was refused).
 */
export function openLink(ctx: Context): boolean {
  const read = readReplayLink(location.search, location.hash);
  if (read === null) return false;
  // The address bar keeps where the link pointed (lesson, step, scenario, seed), not the run.
  const url = new URL(location.href);
  url.hash = '';
  url.searchParams.delete('t');
  history.replaceState(history.state, '', url);
  if (!read.ok) {
    shareStore.setState({ notice: { kind: 'refused', problem: read.problem } });
    return false;
  }
  const { replay, t, step } = read.value;
  if (replay.engine !== ENGINE_VERSION) {
    shareStore.setState({
      notice: { kind: 'engine', link: replay.engine, ours: ENGINE_VERSION },
    });
  }
  const c = replay.config;
  if (c.lesson) {
    ctx.bridge.prime(
      { scenario: ctx.preset, seed: c.seed, lesson: c.lesson },
      { log: replay.log, t },
    );
    ctx.lessons.openReplay(c.lesson, step);
  } else {
    ctx.bridge.prime(
      {
        scenario: c.scenario ?? ctx.preset,
        seed: c.seed,
        ...(c.version ? { version: c.version } : {}),
        twin: c.twin ?? false,
      },
      { log: replay.log, t },
    );
    setPlaying(false);
  }
  return true;
}

export function exportProgress(ctx: Context): string {
  return progressFileText(ctx.lessons.snapshot());
}

/** A valid file lands whole: the lesson open here, if the file has it, reopens from the file. */
export async function importProgress(ctx: Context, text: string): Promise<ImportResult> {
  const r = parseProgressFile(text);
  if (!r.ok) return r;
  await ctx.lessons.replace(r.value);
  return { ok: true };
}

export async function exportScenario(ctx: Context): Promise<string> {
  const spec = ctx.bridge.startSpec;
  const { config, setup, warmupNs } = await ctx.bridge.scenario();
  return scenarioFileText({
    schema: SCENARIO_SCHEMA,
    v: SCENARIO_VERSION,
    name:
      shareStore.getState().scenarioName ??
      (typeof spec.scenario === 'string' ? spec.scenario : 'scenario'),
    seed: spec.seed,
    config,
    setup,
    ...(warmupNs === undefined ? {} : { warmupNs }),
    log: [...ctx.bridge.inputLog],
    t: simStore.getState().t,
  });
}

/**
 * Import a scenario file: it lands (the machine runs it) or the result says why not — never
 * silence. The machine is tried on the side first (bounded by `MAX_SETUP_EVENTS`); a worker
 * restarted meanwhile, or a boot that fails after all, is said, and the machine that ran before
 * is put back.
 */
export async function importScenario(ctx: Context, text: string): Promise<ImportResult> {
  const r = parseScenarioFile(text);
  if (!r.ok) return r;
  const file = r.value;
  const scenario = scenarioOf(file);
  // The checks above are what the file alone can say; what depends on the machine's state is
  // the machine's to judge, asked on the side so a refusal leaves the running machine as it was.
  let refused: ScenarioRefusal | null;
  try {
    refused = await ctx.bridge.checkScenario(scenario, file.seed);
  } catch (e) {
    if (!(e instanceof Interrupted)) throw e;
    return { ok: false, problem: { path: '', code: 'interrupted', params: {} } };
  }
  if (refused !== null) return { ok: false, problem: refusalProblem(refused) };
  const before = {
    spec: ctx.bridge.startSpec,
    resume: { log: [...ctx.bridge.inputLog], t: simStore.getState().t },
    name: shareStore.getState().scenarioName,
  };
  select(null);
  const log = file.log ?? [];
  const t = file.t ?? log[log.length - 1]?.atNs;
  if (log.length > 0 || t !== undefined) setPlaying(false);
  const loading = ctx.bridge.load(
    { scenario, seed: file.seed },
    log.length > 0 || t !== undefined ? { log, t: t ?? 0 } : undefined,
  );
  shareStore.setState({ scenarioName: file.name });
  if (await loading) return { ok: true };
  const failure = statusStore.getState().failure;
  await ctx.bridge.load(before.spec, before.resume);
  shareStore.setState({ scenarioName: before.name });
  return { ok: false, problem: failureProblem(failure) };
}

/**
 * The page's `#r=` link named a machine the worker would not boot (a setup past its budget, a
 * step the machine refuses): refused like any bad link — the notice says why, and the lab starts
 * as it would without the link. Returns whether it did.
 */
export async function linkDidNotBoot(ctx: Context): Promise<boolean> {
  const failure = statusStore.getState().failure;
  if (failure?.kind !== 'refused') return false;
  shareStore.setState({ notice: { kind: 'refused', problem: refusalProblem(failure.refusal) } });
  return ctx.bridge.load({ scenario: ctx.preset, seed: ctx.seed });
}

/** Why a boot failed, as a file's problem. */
function failureProblem(f: BootFailure | null): FileProblem {
  if (f?.kind === 'refused') return refusalProblem(f.refusal);
  if (f?.kind === 'silent') return { path: '', code: 'boot-silent', params: { s: f.ms / 1000 } };
  return { path: '', code: 'no-boot', params: { message: f?.kind === 'error' ? f.message : '' } };
}

/** The machine's refusal as the page shows it: at the refused step, its errno and its words. */
export function refusalProblem(r: ScenarioRefusal): FileProblem {
  if (r.budget !== undefined)
    return {
      path: r.step === null ? '' : `setup[${r.step}]`,
      code: 'boot-budget',
      params: { max: r.budget },
    };
  if (r.step === null) return { path: '', code: 'no-boot', params: { message: r.message } };
  return {
    path: `setup[${r.step}]`,
    code: 'refused',
    params: { type: r.type ?? '', code: r.code ?? '', message: r.message },
  };
}
