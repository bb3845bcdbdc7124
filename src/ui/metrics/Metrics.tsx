import type { MachineView, MetricPoint, WorkloadView } from '../../contract';
import { useStore } from 'zustand';
import type { MessageKey } from '../../i18n';
import { isSelected, select, selectionStore } from '../../store/selection-store';
import { chartDomain } from '../../viz/chart-lines';
import { ownerColour } from '../../viz/palette';
import { formatNs } from '../format';
import { useLang, useT } from '../hooks';
import { hlAttrs, useHighlighted } from '../lessons/highlights';
import { useOnScreen, useSimWhileSeen } from '../use-sim-while-seen';
import { MetricCard } from './MetricCard';
import './metrics.css';

/**
 * Per-kernel small multiples of each workload's throughput, p99 latency and (real-time) deadline
 * misses over the last ~10 s of simulated time, so containment is visible: after a panic one
 * kernel's lines fall to zero while the others keep moving. The monolithic twin, when it is on,
 * gets the same charts beside.
 */
export function Metrics(props: { readonly only?: readonly string[] }) {
  const t = useT();
  const lang = useLang();
  // Out of view (below the fold), the charts follow the machine twice a second, not every frame.
  const [seenRef, seen] = useOnScreen();
  const { view, twin, series, twinSeries, t: now, startT } = useSimWhileSeen(seen);
  const domain = chartDomain(now, startT);
  const span = formatNs(lang, domain[1] - domain[0]);
  return (
    <div ref={seenRef} className="mx">
      <h2 className="mx-title">{t('metrics.label')}</h2>
      <p className="mx-intro">
        {t('metrics.intro')} <span className="mx-span">({t('metrics.span', { span })})</span>
      </p>
      {view ? (
        <MachineMetrics
          view={view}
          series={series}
          domain={domain}
          span={span}
          prefix="metric"
          heading={twin ? t('metrics.multikernel') : null}
          only={props.only}
        />
      ) : null}
      {twin ? (
        <MachineMetrics
          view={twin}
          series={twinSeries}
          domain={domain}
          span={span}
          prefix="twin-metric"
          heading={t('metrics.twin')}
          only={props.only}
          isTwin
        />
      ) : null}
    </div>
  );
}

function MachineMetrics(props: {
  readonly view: MachineView;
  readonly series: Readonly<Record<number, readonly MetricPoint[]>>;
  readonly domain: readonly [number, number];
  readonly span: string;
  readonly prefix: string;
  readonly heading: string | null;
  readonly isTwin?: boolean;
  /** Only these workloads' charts (the projector shows those a step points at). */
  readonly only?: readonly string[] | undefined;
}) {
  const t = useT();
  const selected = useStore(selectionStore, (s) => s.selected);
  const highlighted = useHighlighted();
  const { view, isTwin, only } = props;
  const workloads = only ? view.workloads.filter((w) => only.includes(w.name)) : view.workloads;
  const kernels = [...new Set(workloads.map((w) => w.kernel))].sort((a, b) => a - b);
  // Headings stay in order whether or not the machine has a heading of its own.
  const KernelH = props.heading ? 'h4' : 'h3';
  const byKernel = (k: number): WorkloadView[] => workloads.filter((w) => w.kernel === k);
  return (
    <div
      className={`mx-machine${isTwin ? ' is-twin' : ''}`}
      data-testid={`${props.prefix}s`}
      data-control="charts"
    >
      {props.heading ? <h3 className="mx-machine-title">{props.heading}</h3> : null}
      {kernels.length === 0 ? <p className="mx-empty">{t('metrics.empty')}</p> : null}
      {kernels.map((k) => {
        const inst = view.instances.find((i) => i.id === k);
        const name = inst?.name ?? String(k);
        const failed = !!inst && (inst.panicked || inst.hung);
        const state = !inst
          ? ''
          : inst.panicked
            ? t('state.panicked')
            : inst.hung
              ? t('state.hung')
              : t(`state.${inst.stateLabel}` as MessageKey);
        const headId = `${props.prefix}-k${k}`;
        const target = { kind: 'kernel', id: k } as const;
        return (
          <div
            key={k}
            className={`mx-kernel${failed ? ' is-failed' : ''}`}
            role="group"
            aria-labelledby={headId}
            data-kernel={name}
            style={{ borderLeftColor: ownerColour(k) }}
          >
            <KernelH className="mx-kernel-title" id={headId}>
              <span
                className="mx-swatch"
                style={{ background: ownerColour(k) }}
                aria-hidden="true"
              />
              {isTwin ? (
                <span className="mx-kernel-name">{t('metrics.twinKernel')}</span>
              ) : (
                <button
                  type="button"
                  className="mx-link mx-kernel-name"
                  aria-pressed={isSelected(selected, target)}
                  aria-label={t('metrics.kernelLabel', { kernel: name })}
                  onClick={() => select(target)}
                >
                  {name}
                </button>
              )}
              {state ? <span className="mx-kernel-state">{state}</span> : null}
            </KernelH>
            <div className="mx-cards">
              {byKernel(k).map((w) => (
                <MetricCard
                  key={w.id}
                  w={{ id: w.id, name: w.name, kind: w.kind, running: w.running, misses: w.misses }}
                  last={w.last}
                  kernel={isTwin ? t('metrics.twinKernel') : name}
                  points={props.series[w.id] ?? []}
                  domain={props.domain}
                  span={props.span}
                  testId={`${props.prefix}-${w.name}`}
                  colour={ownerColour(k)}
                  selectable={!isTwin}
                  headingLevel={props.heading ? 5 : 4}
                  hl={isTwin ? undefined : hlAttrs(`metric:${w.name}`, highlighted)}
                  selected={!isTwin && isSelected(selected, { kind: 'workload', id: w.id })}
                />
              ))}
            </div>
          </div>
        );
      })}
    </div>
  );
}
