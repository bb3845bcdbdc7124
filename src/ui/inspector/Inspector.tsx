import type { ConstantName, TimingConstant } from '../../contract';
import { useRef } from 'react';
import { useStore } from 'zustand';
import type { MessageKey } from '../../i18n';
import { metaStore } from '../../store/meta-store';
import { select, selectionStore, type Selection } from '../../store/selection-store';
import { simStore } from '../../store/sim-store';
import { useT } from '../hooks';
import { deviceKindKey, cpuStateKey } from '../sandbox/catalog';
import { ownerName } from '../owner-name';
import { useCpus, useDevices, useInstances, useWorkloads } from '../sandbox/view';
import { CONSTANT_NAMES, CONSTANT_TITLES } from './constants';
import { ConstantDetails } from './ConstantDetails';
import { CpuDetails, DeviceDetails } from './HardwareDetails';
import { KernelDetails } from './KernelDetails';
import { MemoryDetails } from './MemoryDetails';
import { MessageDetails } from './MessageDetails';
import { WorkloadDetails } from './WorkloadDetails';
import { decodeSelection, encodeSelection } from './selection-code';
import { latestMessage } from './story';
import { useSheetClearance } from './use-sheet-clearance';
import './inspector.css';

export type ConstantTable = Readonly<Partial<Record<ConstantName, TimingConstant>>>;

/**
 * What is selected (a CPU, a kernel, a device, a message, a workload or a timing constant),
 * live. Anything can be picked here too — the keyboard's and the screen reader's way in —
 * and every name inside a pane selects what it names.
 *
 * `constants`: the model's timing table. By default it comes from metaStore (the worker sends
 * it in the handshake); a caller may pass another table.
 */
export function Inspector({ constants }: { readonly constants?: ConstantTable } = {}) {
  const t = useT();
  const selected = useStore(selectionStore, (s) => s.selected);
  const fromMeta = useStore(metaStore, (s) => s.constants);
  const table: ConstantTable | null = constants ?? fromMeta;
  const ref = useRef<HTMLElement>(null);
  useSheetClearance(ref, selected);
  return (
    <section
      ref={ref}
      className="inspector"
      data-testid="inspector"
      data-control="inspector"
      data-selected={String(selected !== null)}
      aria-labelledby="insp-h"
    >
      <div className="insp-top">
        <h2 id="insp-h">{t('inspector.heading')}</h2>
        {selected ? (
          <button type="button" data-testid="inspector-clear" onClick={() => select(null)}>
            {t('inspector.clear')}
          </button>
        ) : null}
      </div>
      <Picker selected={selected} withConstants={table !== null} />
      {selected ? (
        <Details selection={selected} constants={table} />
      ) : (
        <p className="insp-empty" data-testid="inspector-empty">
          {t('inspector.empty')}
        </p>
      )}
    </section>
  );
}

function Details({
  selection,
  constants,
}: {
  readonly selection: Selection;
  readonly constants: ConstantTable | null;
}) {
  switch (selection.kind) {
    case 'cpu':
      return <CpuDetails id={selection.id} />;
    case 'kernel':
      return <KernelDetails id={selection.id} />;
    case 'device':
      return <DeviceDetails pci={selection.pci} />;
    case 'message':
      return <MessageDetails seq={selection.seq} />;
    case 'workload':
      return <WorkloadDetails id={selection.id} />;
    case 'constant':
      return <ConstantDetails name={selection.name} constant={constants?.[selection.name]} />;
    case 'memory':
      return <MemoryDetails />;
  }
}

/** Choose anything to inspect from a list, or jump to the newest message. */
function Picker({
  selected,
  withConstants,
}: {
  readonly selected: Selection | null;
  readonly withConstants: boolean;
}) {
  const t = useT();
  const instances = useInstances();
  const cpus = useCpus();
  const devices = useDevices();
  const workloads = useWorkloads();
  const hasTraffic = useStore(simStore, (s) => s.traffic.length > 0);
  const value = encodeSelection(selected);
  const listed =
    value === '' ||
    value.startsWith('message:') ||
    (value.startsWith('constant:') && !withConstants);
  const pool = t('cpus.pool');
  return (
    <div className="insp-picker">
      <label htmlFor="insp-pick">{t('inspector.pick')}</label>
      <select
        id="insp-pick"
        data-testid="inspector-pick"
        value={listed ? '' : value}
        onChange={(e) => select(decodeSelection(e.target.value))}
      >
        <option value="">{t('inspector.pick.none')}</option>
        <option value="memory:all">{t('inspector.memory')}</option>
        <optgroup label={t('inspector.pick.kernels')}>
          {instances.map((i) => (
            <option key={i.id} value={`kernel:${i.id}`}>
              {t('inspector.pick.kernel', {
                name: i.name,
                state: t(`state.${i.stateLabel}` as MessageKey),
              })}
            </option>
          ))}
        </optgroup>
        <optgroup label={t('inspector.pick.cpus')}>
          {cpus.map((c) => (
            <option key={c.id} value={`cpu:${c.id}`}>
              {t('sandbox.cpu.option', {
                id: c.id,
                owner: ownerName(c.owner, instances, pool),
                state: t(cpuStateKey(c.state)),
              })}
            </option>
          ))}
        </optgroup>
        {devices.length ? (
          <optgroup label={t('inspector.pick.devices')}>
            {devices.map((d) => (
              <option key={d.pci} value={`device:${d.pci}`}>
                {t('sandbox.device.option', {
                  pci: d.pci,
                  kind: t(deviceKindKey(d.kind)),
                  owner: ownerName(d.owner, instances, pool),
                })}
              </option>
            ))}
          </optgroup>
        ) : null}
        {workloads.length ? (
          <optgroup label={t('inspector.pick.workloads')}>
            {workloads.map((w) => (
              <option key={w.id} value={`workload:${w.id}`}>
                {t('inspector.pick.workload', {
                  name: w.name,
                  kernel: ownerName(w.kernel, instances, pool),
                })}
              </option>
            ))}
          </optgroup>
        ) : null}
        {withConstants ? (
          <optgroup label={t('inspector.pick.timings')}>
            {CONSTANT_NAMES.map((n) => (
              <option key={n} value={`constant:${n}`}>
                {t(CONSTANT_TITLES[n])}
              </option>
            ))}
          </optgroup>
        ) : null}
      </select>
      <button
        type="button"
        data-testid="inspect-latest-message"
        data-select-kind="message"
        disabled={!hasTraffic}
        onClick={() => {
          const m = latestMessage(simStore.getState().traffic);
          if (m) select({ kind: 'message', seq: m.seq });
        }}
      >
        {t('inspector.latest')}
      </button>
    </div>
  );
}
