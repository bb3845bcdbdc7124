import type { ReplayProgress, ReplayStop, ScenarioRefusal } from '../contract';
import type { Lang, MessageKey } from '../i18n';
import type { BootFailure } from '../store/status-store';
import { formatCount, formatNs } from './format';

type Translate = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string;

/**
 * What the page says about the simulator's boots: why one failed (a first start or a restart;
 * a silent worker, a machine refused, a crash), how far a replay has got, and where one stopped
 * short. The main page, the embed and the audience window say it the same way.
 */

/** A machine the worker would not boot: at the setup step, in the machine's words or the limit. */
export function refusalText(t: Translate, r: ScenarioRefusal): string {
  const at = r.step === null ? '' : `setup[${r.step}]: `;
  if (r.budget !== undefined) return at + t('share.problem.boot-budget', { max: r.budget });
  if (r.step === null) return t('share.problem.no-boot', { message: r.message });
  return (
    at + t('share.problem.refused', { type: r.type ?? '', code: r.code ?? '', message: r.message })
  );
}

export function failureText(t: Translate, f: BootFailure): string {
  const start = f.during === 'start';
  if (f.kind === 'silent')
    return t(start ? 'status.failed.startSilent' : 'status.failed.restartSilent', {
      s: f.ms / 1000,
    });
  const why = f.kind === 'refused' ? refusalText(t, f.refusal) : f.message;
  return t(start ? 'status.failed.start' : 'status.failed.restart', { why });
}

/** How far a replay has got, as a whole percentage of its stretch of simulated time. */
export function replayPercent(p: ReplayProgress): number {
  const span = p.targetNs - p.fromNs;
  return span <= 0 ? 100 : Math.floor((100 * (p.atNs - p.fromNs)) / span);
}

export function progressText(t: Translate, lang: Lang, p: ReplayProgress, rebuilding: boolean) {
  return t(rebuilding ? 'status.rebuilding' : 'status.replaying', {
    at: formatNs(lang, p.atNs),
    target: formatNs(lang, p.targetNs),
    pct: replayPercent(p),
  });
}

export function stoppedText(t: Translate, lang: Lang, s: ReplayStop): string {
  const params = { at: formatNs(lang, s.atNs), target: formatNs(lang, s.targetNs) };
  if (s.reason === 'cancelled') return t('status.stopped.cancelled', params);
  return t('status.stopped.events', { ...params, events: formatCount(lang, s.events) });
}
