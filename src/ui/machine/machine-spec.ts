import type { CpuState, InstanceView, MachineView, WorkloadView } from '../../contract';
import type { Lang, MessageKey } from '../../i18n';
import { RING_USABLE } from '../../contract';
import type { GroupSpec, LayoutSpec, MemorySpec } from '../../viz/machine-types';
import { formatCount, formatMiB } from '../format';
import { ownerName } from '../owner-name';

export type Translate = (
  key: MessageKey,
  params?: Readonly<Record<string, string | number>>,
) => string;

export const POOL_KEY = 'pool';

/**
 * What the layout and the view's fixed texts read from a frame: the machine's shape. What changes
 * every frame (ring levels, busy flags, CPU states, counters) stays out, so while the shape holds
 * the view keeps its layout, its names and its chips, and only the cells and gauges are redrawn.
 */
export interface MachineShape {
  readonly version: MachineView['version'];
  readonly monolithic: boolean;
  readonly cpus: readonly { readonly id: number; readonly owner: number }[];
  readonly instances: readonly ShapeInstance[];
  readonly memory: MachineView['memory'];
  readonly pool: Pick<MachineView['pool'], 'cpus' | 'freeMiB' | 'totalMiB'>;
  readonly devices: MachineView['devices'];
  readonly workloads: readonly Pick<WorkloadView, 'id' | 'name' | 'kernel' | 'cpus'>[];
}

type ShapeInstance = Pick<
  InstanceView,
  'id' | 'name' | 'state' | 'stateLabel' | 'pending' | 'panicked' | 'hung' | 'corruptBytes' | 'cpus'
>;

/** A frame's shape (a view is a shape too; this leaves out the rest, so it can key a memo). */
export function shapeOf(view: MachineView): MachineShape {
  return {
    version: view.version,
    monolithic: view.monolithic,
    cpus: view.cpus.map((c) => ({ id: c.id, owner: c.owner })),
    instances: view.instances.map((i) => ({
      id: i.id,
      name: i.name,
      state: i.state,
      stateLabel: i.stateLabel,
      pending: i.pending,
      panicked: i.panicked,
      hung: i.hung,
      corruptBytes: i.corruptBytes,
      cpus: i.cpus,
    })),
    memory: view.memory,
    pool: { cpus: view.pool.cpus, freeMiB: view.pool.freeMiB, totalMiB: view.pool.totalMiB },
    devices: view.devices,
    workloads: view.workloads.map((w) => ({
      id: w.id,
      name: w.name,
      kernel: w.kernel,
      cpus: w.cpus,
    })),
  };
}

/**
 * A kernel's state as the view says it, never two things that cannot both hold: a panicked or
 * hung kernel is not running, so it does not read "active · panicked". The host's panic stops it
 * (nothing keeps a record of it); a spawn's record may still say active (v1/v2 have no halt), and
 * that is said as the host's record, not as the kernel's state.
 */
export function stateText(
  t: Translate,
  i: Pick<InstanceView, 'id' | 'stateLabel' | 'panicked' | 'hung'>,
): string {
  const down = i.panicked ? t('state.panicked') : i.hung ? t('state.hung') : null;
  if (!down) return t(`state.${i.stateLabel}` as MessageKey);
  if (i.id === 0) return t('state.down.host', { state: down });
  if (i.stateLabel === 'active') return t('state.down.listedActive', { state: down });
  return `${down} · ${t(`state.${i.stateLabel}` as MessageKey)}`;
}

export const alarming = (i: Pick<InstanceView, 'panicked' | 'hung' | 'state'>) =>
  i.panicked || i.hung || i.state === 'failed';

/** The short word a CPU cell shows under its label (online cells show none). */
export function cellWord(t: Translate, state: CpuState): string {
  return state === 'online' ? '' : t(`machine.cell.${state}`);
}

const DEVICE_KEYS: Readonly<Record<string, MessageKey>> = {
  nic: 'machine.device.nic',
  nvme: 'machine.device.nvme',
  serial: 'machine.device.serial',
};

export function deviceLabel(t: Translate, kind: string, pci: string): string {
  const key = DEVICE_KEYS[kind];
  return key ? t(key, { pci }) : `${kind} ${pci}`;
}

/** Kernels in the order the view draws them: the host first, then spawns by id. */
export function orderedInstances<I extends { readonly id: number }>(view: {
  readonly instances: readonly I[];
}): I[] {
  return [...view.instances].sort((a, b) => a.id - b.id);
}

/**
 * What the layout needs, translated: one group per kernel and the pool, the texts that size a
 * CPU cell, and the memory map. Values that change every frame (ring level, busy, CPU state)
 * stay out, so the layout is recomputed only when the machine's shape changes.
 */
export function buildSpec(view: MachineShape, t: Translate, lang: Lang): LayoutSpec {
  const gauge =
    view.version === 'github'
      ? t('machine.ring', { n: RING_USABLE, max: RING_USABLE })
      : t('machine.slot');
  const groups: GroupSpec[] = orderedInstances(view).map((i) => ({
    key: i.name,
    owner: i.id,
    name: `${i.name} · ${i.id}`,
    state: stateText(t, i),
    gauge: view.monolithic ? null : gauge,
    note: i.pending ? t(`machine.pending.${i.pending}` as MessageKey) : '',
    cpus: view.cpus.filter((c) => c.owner === i.id).map((c) => c.id),
    workloads: view.workloads
      .filter((w) => w.kernel === i.id)
      .map((w) => ({ id: w.id, name: w.name, cpus: w.cpus })),
    devices: view.devices
      .filter((d) => d.owner === i.id)
      .map((d) => ({
        pci: d.pci,
        label: deviceLabel(t, d.kind, d.pci),
        badge: d.domain ? t('machine.device.iommu') : null,
      })),
  }));
  if (!view.monolithic) {
    groups.push({
      key: POOL_KEY,
      owner: -1,
      name: t('machine.pool'),
      state: t('machine.pool.cpus', { n: formatCount(lang, view.pool.cpus.length) }),
      gauge: null,
      note: t('machine.pool.free', {
        free: formatMiB(lang, view.pool.freeMiB),
        total: formatMiB(lang, view.pool.totalMiB),
      }),
      cpus: view.pool.cpus,
      workloads: [],
      devices: view.devices
        .filter((d) => d.owner < 0)
        .map((d) => ({ pci: d.pci, label: deviceLabel(t, d.kind, d.pci), badge: null })),
    });
  }
  const states: CpuState[] = ['parked', 'offline', 'booting', 'halted'];
  const maxId = Math.max(0, ...view.cpus.map((c) => c.id));
  return {
    groups,
    cellTexts: [t('machine.cpu', { id: maxId }), ...states.map((s) => cellWord(t, s))],
    memory: memorySpec(view, t, lang),
  };
}

function memorySpec(view: MachineShape, t: Translate, lang: Lang): MemorySpec {
  const last = view.memory[view.memory.length - 1];
  return {
    title: t('machine.memory'),
    runs: view.memory.map((r) => {
      const who = ownerName(r.owner, view.instances, t('machine.pool'));
      return { ...r, label: `${who} · ${formatMiB(lang, r.sizeMiB)}`, short: who };
    }),
    startLabel: formatMiB(lang, 0),
    endLabel: formatMiB(lang, last ? last.startMiB + last.sizeMiB : 0),
    flags: view.instances
      .filter((i) => i.corruptBytes > 0)
      .map((i) => ({
        owner: i.id,
        text: t('machine.memory.corrupt', { owner: i.name, n: formatCount(lang, i.corruptBytes) }),
      })),
  };
}
