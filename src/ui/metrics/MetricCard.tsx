import type { MetricPoint, WorkloadKind } from '../../contract';
import { memo, type ReactNode } from 'react';
import type { MessageKey } from '../../i18n';
import { select } from '../../store/selection-store';
import { chartPaths, CHART_W, missBars, summarise } from '../../viz/chart-lines';
import { formatCount, formatNs } from '../format';
import { useLang, useT } from '../hooks';

const TPUT_H = 44;
const P99_H = 36;
const MISS_H = 24;

interface CardProps {
  readonly w: {
    readonly id: number;
    readonly name: string;
    readonly kind: WorkloadKind;
    readonly running: boolean;
    readonly misses: number;
  };
  /** The workload's latest metrics window, as the frame has it (`WorkloadView.last`). */
  readonly last: MetricPoint | null;
  readonly kernel: string;
  readonly points: readonly MetricPoint[];
  readonly domain: readonly [number, number];
  readonly span: string;
  readonly testId: string;
  readonly colour: string;
  readonly selectable: boolean;
  readonly selected: boolean;
  readonly headingLevel: 4 | 5;
  /** Lesson highlight attributes (`metric:<workload>`, main machine only). */
  readonly hl?: { readonly 'data-hl'?: string; readonly 'data-highlighted'?: 'true' } | undefined;
}

/**
 * One workload's small multiple: throughput, p99 latency and, for real-time work, misses.
 * Memoised on plain values (not the frame's workload object, new every frame): a big machine has
 * a card per workload, and most of them show the same from one frame to the next.
 */
export const MetricCard = memo(function MetricCard(props: CardProps) {
  const t = useT();
  const { w, points, domain, last } = props;
  const kind = t(`metrics.kind.${w.kind}` as MessageKey);
  const NameH = props.headingLevel === 5 ? 'h5' : 'h4';

  return (
    <article
      className={`mx-card${props.selected ? ' is-selected' : ''}${w.running ? '' : ' is-stopped'}`}
      data-testid={props.testId}
      data-tput={last?.tput ?? 0}
      data-p99={last?.p99 ?? 0}
      data-misses={w.misses}
      data-misses-window={last?.misses ?? 0}
      data-running={w.running}
      {...props.hl}
    >
      <NameH className="mx-name">
        {props.selectable ? (
          <button
            type="button"
            className="mx-link"
            aria-pressed={props.selected}
            aria-label={t('metrics.select', { name: w.name })}
            onClick={() => select({ kind: 'workload', id: w.id })}
          >
            {w.name}
          </button>
        ) : (
          <span>{w.name}</span>
        )}
        <span className="mx-kind">{kind}</span>
        {w.running ? null : <span className="mx-stopped">{t('metrics.stopped')}</span>}
      </NameH>

      <Charts
        points={points}
        d0={domain[0]}
        d1={domain[1]}
        name={w.name}
        kernel={props.kernel}
        span={props.span}
        colour={props.colour}
        kind={w.kind}
        totalMisses={w.misses}
      />
    </article>
  );
}, sameCard);

/** Equal when every prop is, comparing the objects a parent rebuilds each frame by their fields. */
function sameCard(a: CardProps, b: CardProps): boolean {
  const shallow = (x: object | null | undefined, y: object | null | undefined) => {
    if (x === y) return true;
    if (!x || !y) return false;
    const keys = Object.keys(x);
    if (keys.length !== Object.keys(y).length) return false;
    return keys.every(
      (k) => (x as Record<string, unknown>)[k] === (y as Record<string, unknown>)[k],
    );
  };
  const keys = Object.keys(a) as (keyof CardProps)[];
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) =>
    k === 'w' || k === 'last' || k === 'hl' || k === 'domain' ? shallow(a[k], b[k]) : a[k] === b[k],
  );
}

/**
 * The values and charts of a card. Memoised: the series array and the domain (which moves a
 * metrics window at a time) change a few times a second at most, not on every frame.
 */
const Charts = memo(function Charts(props: {
  readonly points: readonly MetricPoint[];
  readonly d0: number;
  readonly d1: number;
  readonly name: string;
  readonly kernel: string;
  readonly span: string;
  readonly colour: string;
  readonly kind: WorkloadKind;
  readonly totalMisses: number;
}) {
  const t = useT();
  const lang = useLang();
  const { points } = props;
  const domain = [props.d0, props.d1] as const;
  const last = points[points.length - 1];
  const tput = chartPaths(points, 'tput', domain, TPUT_H, { withArea: true });
  const p99 = chartPaths(points, 'p99', domain, P99_H);
  // Batch and noisy work finish no requests: they have a rate, not a latency.
  const latency = props.kind !== 'cpu' && props.kind !== 'noisy';
  const misses = props.kind === 'rt' ? missBars(points, domain, MISS_H) : null;
  const sum = summarise(points, domain);
  const perSecond = (n: number) => t('metrics.perSecond', { value: formatCount(lang, n) });
  const hasLatency = !!last && last.p99 > 0;
  const empty = points.length === 0;
  const p99Text = hasLatency && last ? formatNs(lang, last.p99) : t('metrics.noLatency');
  const base = { name: props.name, kernel: props.kernel, span: props.span };
  // Before the first figures the charts are there, hidden, in the place the waiting note holds:
  // their arrival fills and shows them, it builds nothing. Every card building its charts at once
  // was a slow laptop's longest task while playing (issue 14: ≈ 30 ms at 4×, out of view), and
  // the cards grew under the learner's eyes.
  return (
    <div className="mx-figures">
      {empty ? <p className="mx-waiting">{t('metrics.waiting')}</p> : null}
      <div className={`mx-figure-list${empty ? ' is-waiting' : ''}`}>
        <Figure
          label={t('metrics.tput')}
          value={perSecond(last?.tput ?? 0)}
          height={TPUT_H}
          chartLabel={t('metrics.chart.tput', {
            ...base,
            value: formatCount(lang, last?.tput ?? 0),
            peak: formatCount(lang, sum.peakTput),
          })}
          scale={tput.lastX !== null ? t('metrics.max', { value: perSecond(tput.yMax) }) : null}
        >
          {tput.area ? (
            <path className="mx-area" d={tput.area} style={{ fill: props.colour }} />
          ) : null}
          {tput.line ? <path className="mx-path" d={tput.line} /> : null}
        </Figure>
        {latency ? (
          <Figure
            label={t('metrics.p99')}
            value={p99Text}
            valueClass={hasLatency ? '' : ' is-none'}
            height={P99_H}
            chartLabel={t('metrics.chart.p99', {
              ...base,
              value: p99Text,
              peak: formatNs(lang, sum.peakP99),
            })}
            scale={
              p99.lastX !== null ? t('metrics.max', { value: formatNs(lang, p99.yMax) }) : null
            }
          >
            {p99.line ? <path className="mx-path is-latency" d={p99.line} /> : null}
          </Figure>
        ) : null}
        {misses ? (
          <Figure
            label={t('metrics.misses')}
            value={t('metrics.missesValue', {
              count: formatCount(lang, sum.misses),
              total: formatCount(lang, props.totalMisses),
            })}
            valueClass={sum.misses > 0 ? ' is-bad' : ''}
            height={MISS_H}
            chartLabel={t('metrics.chart.misses', {
              ...base,
              count: formatCount(lang, sum.misses),
            })}
          >
            {misses.bars.map((b) => (
              <rect key={b.x} className="mx-bar" x={b.x} y={b.y} width={b.w} height={b.h} />
            ))}
          </Figure>
        ) : null}
      </div>
    </div>
  );
});

/**
 * One figure of a card: its name and value, its chart (a baseline under `children`) and, for the
 * line charts, the scale's top (`null` before there is one: the line keeps its height).
 */
function Figure(props: {
  readonly label: string;
  readonly value: string;
  readonly valueClass?: string;
  readonly height: number;
  readonly chartLabel: string;
  readonly scale?: string | null;
  readonly children: ReactNode;
}) {
  const h = props.height;
  return (
    <div className="mx-metric">
      <div className="mx-line">
        <span className="mx-label">{props.label}</span>
        <span className={`mx-value${props.valueClass ?? ''}`}>{props.value}</span>
      </div>
      <svg
        className="mx-chart"
        viewBox={`0 0 ${CHART_W} ${h}`}
        preserveAspectRatio="none"
        height={h}
        role="img"
        aria-label={props.chartLabel}
      >
        <line className="mx-base" x1={0} x2={CHART_W} y1={h - 0.5} y2={h - 0.5} />
        {props.children}
      </svg>
      {props.scale === undefined ? null : <div className="mx-scale">{props.scale ?? '\u00a0'}</div>}
    </div>
  );
}
