// Lighthouse 12.8.2 (mobile defaults) on one page, and a page's verdict against issue 14's budgets
// (npm run audit, scripts/audit.ts; npm test's gate, scripts/perf-gate.ts). Per page, 3 runs:
//   every run performance ≥ 93 and the median ≥ 95; total blocking time ≤ 150 ms (median);
//   cumulative layout shift ≤ 0.05 (every run); accessibility 100; best practices 100.
// Each run also says when its first paint was seen: with chrome-launcher's flags and Lighthouse's
// mobile emulation it was often held to ≈ 1.2 or 2.2 s on the slower VM of earlier sessions (never
// since 2026-12-06: docs/architecture.md, Measurements), and the simulated FCP and LCP then count
// all that ran before.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS } from '../tests/e2e/find-chromium';

export const RUNS = 3;
/** The pages npm test gates on (scripts/perf-gate.ts): the first screen and a lesson's step. */
export const GATE_PAGES = ['', '?lesson=crash-containment&step=2'];
const BUDGET = { perfEach: 93, perfMedian: 95, tbtMs: 150, cls: 0.05, a11y: 100, bp: 100 };

interface Run {
  readonly perf: number;
  readonly a11y: number;
  readonly bp: number;
  readonly tbtMs: number;
  readonly cls: number;
  readonly fcp: string;
  readonly lcp: string;
  readonly si: string;
  /**
   * The same run's score with its total blocking time scored as perfect: what the page's paints
   * alone allow (the first paint, the largest, the speed index, the layout shift).
   */
  readonly unblocked: number;
  /** When this load's first paint was seen (not simulated): held ≈ 1.2 or 2.2 s, when held. */
  readonly paintedMs: number;
  readonly failing: readonly string[];
}

const median = (xs: readonly number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const score = (s: number | null | undefined) => Math.round((s ?? 0) * 100);

/** The metrics audit's observed first contentful paint (ms from navigation), if it has one. */
function observed(details: unknown): number | undefined {
  const items = (details as { items?: { observedFirstContentfulPaint?: number }[] } | undefined)
    ?.items;
  return items?.[0]?.observedFirstContentfulPaint;
}

/** The category's weighted score with one audit counted as perfect (0–100). */
function scoreWithout(
  id: string,
  refs: readonly { id: string; weight: number }[] | undefined,
  audits: Readonly<Record<string, { score: number | null }>>,
): number {
  const weighted = (refs ?? []).filter((r) => r.weight > 0);
  const total = weighted.reduce((sum, r) => sum + r.weight, 0);
  const sum = weighted.reduce(
    (acc, r) => acc + r.weight * (r.id === id ? 1 : (audits[r.id]?.score ?? 0)),
    0,
  );
  return total > 0 ? Math.round((100 * sum) / total) : 0;
}

/** chrome-launcher's own flags with RenderDocument left on (`--render-document`). */
function withRenderDocument(): string[] {
  return chromeLauncher.Launcher.defaultFlags().map((flag) =>
    flag.startsWith('--disable-features=')
      ? `--disable-features=${flag
          .slice('--disable-features='.length)
          .split(',')
          .filter((f) => f !== 'RenderDocument')
          .join(',')}`
      : flag,
  );
}

/** One Lighthouse run of `url`; `renderDocument`: see scripts/audit.ts. */
async function audit(url: string, chromePath: string, renderDocument = false): Promise<Run> {
  const chrome = await chromeLauncher.launch(
    renderDocument
      ? {
          chromePath,
          ignoreDefaultFlags: true,
          chromeFlags: [...withRenderDocument(), ...CHROMIUM_ARGS],
        }
      : { chromePath, chromeFlags: CHROMIUM_ARGS },
  );
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
    });
    const lhr = result?.lhr;
    const a = lhr?.audits ?? {};
    return {
      perf: score(lhr?.categories.performance?.score),
      a11y: score(lhr?.categories.accessibility?.score),
      bp: score(lhr?.categories['best-practices']?.score),
      tbtMs: Math.round(a['total-blocking-time']?.numericValue ?? Infinity),
      cls: a['cumulative-layout-shift']?.numericValue ?? Infinity,
      fcp: a['first-contentful-paint']?.displayValue ?? '?',
      lcp: a['largest-contentful-paint']?.displayValue ?? '?',
      si: a['speed-index']?.displayValue ?? '?',
      unblocked: scoreWithout('total-blocking-time', lhr?.categories.performance?.auditRefs, a),
      paintedMs: Math.round(observed(a['metrics']?.details) ?? NaN),
      failing: Object.values(a)
        .filter((x) => x.score !== null && x.score < 1 && x.scoreDisplayMode === 'binary')
        .map((x) => x.id),
    };
  } finally {
    await chrome.kill();
  }
}

/** One page's verdict, each figure beside its budget; the lines printed and whether it held. */
function verdict(runs: readonly Run[]): { lines: string[]; ok: boolean } {
  const perfs = runs.map((r) => r.perf);
  const checks: [string, boolean][] = [
    [
      `performance runs ${perfs.join(', ')} (budget each ≥ ${BUDGET.perfEach})`,
      Math.min(...perfs) >= BUDGET.perfEach,
    ],
    [
      `performance median ${median(perfs)} (budget ≥ ${BUDGET.perfMedian})`,
      median(perfs) >= BUDGET.perfMedian,
    ],
    [
      `total blocking time median ${median(runs.map((r) => r.tbtMs))} ms (budget ≤ ${BUDGET.tbtMs} ms)`,
      median(runs.map((r) => r.tbtMs)) <= BUDGET.tbtMs,
    ],
    [
      `cumulative layout shift max ${Math.max(...runs.map((r) => r.cls)).toFixed(3)} (budget ≤ ${BUDGET.cls})`,
      Math.max(...runs.map((r) => r.cls)) <= BUDGET.cls,
    ],
    [
      `accessibility min ${Math.min(...runs.map((r) => r.a11y))} (budget ${BUDGET.a11y})`,
      runs.every((r) => r.a11y >= BUDGET.a11y),
    ],
    [
      `best practices min ${Math.min(...runs.map((r) => r.bp))} (budget ${BUDGET.bp})`,
      runs.every((r) => r.bp >= BUDGET.bp),
    ],
  ];
  return {
    lines: checks.map(([line, ok]) => `    ${ok ? '✓' : '✗'} ${line}`),
    ok: checks.every(([, ok]) => ok),
  };
}

/** A run as one line, every figure in it. */
function runLine(i: number, r: Run): string {
  const failing = r.failing.length ? ` — failing audits: ${r.failing.join(', ')}` : '';
  return `    run ${i + 1}: performance ${r.perf}, FCP ${r.fcp} (first paint seen at ${r.paintedMs} ms), LCP ${r.lcp}, SI ${r.si}, TBT ${r.tbtMs} ms (with none: ${r.unblocked}), CLS ${r.cls.toFixed(3)}, accessibility ${r.a11y}, best practices ${r.bp}${failing}`;
}

/** A page's RUNS runs, each as a line, then its verdict's lines; whether the page held. */
export async function auditPage(
  url: string,
  chromePath: string,
  renderDocument = false,
): Promise<{ lines: string[]; ok: boolean }> {
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await audit(url, chromePath, renderDocument));
  const { lines, ok } = verdict(runs);
  return { lines: [...runs.map((r, i) => runLine(i, r)), ...lines], ok };
}
