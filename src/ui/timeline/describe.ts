import type { MachineView } from '../../contract';
import type { Lang } from '../../i18n';
import type { Arrow, FateMark } from '../../viz/timeline-arrows';
import type { HappeningMark } from '../../viz/timeline-marks';
import { formatNs } from '../format';
import { describeHappening } from '../happenings';
import { ownerName } from '../owner-name';
import type { useT } from '../hooks';

export type T = ReturnType<typeof useT>;

export function arrowText(t: T, lang: Lang, view: MachineView | null, a: Arrow): string {
  const base = {
    category: a.category,
    subtype: a.subtype,
    from: ownerName(a.from, view?.instances ?? [], t('cpus.pool')),
    to: ownerName(a.to, view?.instances ?? [], t('cpus.pool')),
    cpu0: a.cpu0,
    cpu1: a.cpu1,
    time: formatNs(lang, a.t0),
    took: formatNs(lang, a.t1 - a.t0),
  };
  if (a.end === 'pending') return t('timeline.arrowPending', base);
  if (a.end === 'fate') return t('timeline.arrowLost', base);
  return t('timeline.arrow', base);
}

export function fateText(t: T, view: MachineView | null, f: FateMark): string {
  return t(`timeline.fate.${f.kind}`, {
    reason: f.reason,
    category: f.category,
    subtype: f.subtype,
    from: ownerName(f.from, view?.instances ?? [], t('cpus.pool')),
    to: ownerName(f.to, view?.instances ?? [], t('cpus.pool')),
  });
}

/** The lead's one sentence per happening (the event log says the same). */
export function happeningText(t: T, view: MachineView | null, h: HappeningMark): string {
  return describeHappening(
    t,
    { seq: h.seq, t: h.t, kind: h.source, kernel: h.kernel, detail: h.detail },
    view,
  );
}
