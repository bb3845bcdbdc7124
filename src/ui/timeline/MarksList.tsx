import type { MachineView } from '../../contract';
import { useState } from 'react';
import { select, isSelected, type Selection } from '../../store/selection-store';
import type { Traffic } from '../../viz/timeline-arrows';
import type { CpuEvent } from '../../viz/timeline-lanes';
import type { HappeningMark } from '../../viz/timeline-marks';
import { formatCount, formatNs } from '../format';
import { useLang, useT } from '../hooks';
import { ownerName } from '../owner-name';
import { arrowText, fateText, happeningText } from './describe';
import './marks-list.css';

const SHOWN = 100;

interface Row {
  readonly key: string;
  readonly t: number;
  readonly what: string;
  readonly where: string;
  readonly target: Selection | null;
}

/**
 * The timeline's marks as a table (newest first), behind a disclosure: what a screen reader or a
 * keyboard uses instead of the diagram. Each row selects what it names, as a click on the mark does.
 */
export function MarksList(props: {
  readonly view: MachineView;
  readonly traffic: Traffic;
  readonly marks: readonly HappeningMark[];
  readonly cpuEvents: readonly CpuEvent[];
  readonly selected: Selection | null;
  readonly now: number;
}) {
  const t = useT();
  const lang = useLang();
  const [open, setOpen] = useState(false);
  const { view, traffic, marks, cpuEvents, selected } = props;
  // Bare IPIs (a flood) come in thousands: one row per CPU says how many.
  const ipisByCpu = new Map<number, { count: number; t: number }>();
  for (const i of traffic.ipis) {
    const c = ipisByCpu.get(i.cpu);
    ipisByCpu.set(i.cpu, { count: (c?.count ?? 0) + 1, t: Math.max(c?.t ?? 0, i.t) });
  }
  const total =
    traffic.arrows.length + traffic.fates.length + marks.length + cpuEvents.length + ipisByCpu.size;

  let rows: Row[] = [];
  if (open) {
    const cpu = (id: number) =>
      t('timeline.where.cpu', {
        id,
        kernel: ownerName(
          view.cpus.find((c) => c.id === id)?.owner ?? -1,
          view.instances,
          t('cpus.pool'),
        ),
      });
    for (const m of marks) {
      rows.push({
        key: `h${m.seq}`,
        t: m.t,
        what: happeningText(t, view, m),
        where: ownerName(m.kernel, view.instances, t('cpus.pool')),
        target: m.kernel >= 0 ? { kind: 'kernel', id: m.kernel } : null,
      });
    }
    for (const c of cpuEvents) {
      rows.push({
        key: `c${c.seq}`,
        t: c.t,
        what: t(c.kind === 'boot' ? 'timeline.mark.boot' : 'timeline.mark.halt', {
          cpu: c.cpu,
          kernel: ownerName(c.owner, view.instances, t('cpus.pool')),
        }),
        where: cpu(c.cpu),
        target: { kind: 'cpu', id: c.cpu },
      });
    }
    for (const a of traffic.arrows) {
      rows.push({
        key: `a${a.seq}`,
        t: a.t0,
        what: arrowText(t, lang, view, a),
        where:
          a.cpu0 === a.cpu1
            ? cpu(a.cpu0)
            : t('timeline.where.path', { cpu0: a.cpu0, cpu1: a.cpu1 }),
        target: { kind: 'message', seq: a.seq },
      });
    }
    for (const f of traffic.fates) {
      rows.push({
        key: `f${f.seq}`,
        t: f.t,
        what: fateText(t, view, f),
        where: cpu(f.cpu),
        target: { kind: 'message', seq: f.messageSeq },
      });
    }
    for (const [id, c] of ipisByCpu) {
      rows.push({
        key: `i${id}`,
        t: c.t,
        what: t('timeline.ipis', { count: formatCount(lang, c.count), cpu: id }),
        where: cpu(id),
        target: { kind: 'cpu', id },
      });
    }
    rows.sort((a, b) => b.t - a.t);
    rows = rows.slice(0, SHOWN);
  }

  return (
    <details
      className="tl-list"
      data-testid="timeline-list"
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>{t('timeline.list.summary', { count: formatCount(lang, total) })}</summary>
      {open ? (
        <div className="tl-list-scroll">
          <table>
            <caption>{t('timeline.list.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('timeline.list.when')}</th>
                <th scope="col">{t('timeline.list.what')}</th>
                <th scope="col">{t('timeline.list.where')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.length === 0 ? (
                <tr>
                  <td colSpan={3}>{t('timeline.list.none')}</td>
                </tr>
              ) : null}
              {rows.map((r) => (
                <tr
                  key={r.key}
                  className={r.target && isSelected(selected, r.target) ? 'is-selected' : undefined}
                >
                  <td className="tl-list-when">{formatNs(lang, props.now - r.t)}</td>
                  <td>
                    {r.target ? (
                      <button
                        type="button"
                        className="tl-link"
                        aria-pressed={isSelected(selected, r.target)}
                        data-select-kind={r.target.kind}
                        onClick={() => select(r.target)}
                      >
                        {r.what}
                      </button>
                    ) : (
                      r.what
                    )}
                  </td>
                  <td>{r.where}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {total > SHOWN ? (
            <p className="tl-note">
              {t('timeline.list.more', { count: formatCount(lang, total - SHOWN) })}
            </p>
          ) : null}
        </div>
      ) : null}
    </details>
  );
}
