import type { Happening, MachineView } from '../sim';
import type { MessageKey } from '../i18n';
import type { useT } from './hooks';

type T = ReturnType<typeof useT>;

const KNOWN = new Set<string>([
  'instance.state',
  'instance.deleted',
  'panic',
  'lockup',
  'kill.timeout',
  'mailbox.claim',
  'claim-miss',
  'cpu.host',
  'cpu.offline',
  'cpu.online',
  'cpu.pool',
  'device.lend',
  'device.return',
  'dma.blocked',
  'dma.corrupt',
  'ipi-flood',
  'pool.grow',
  'pressure',
  'scribble',
  'service.redirect',
  'stall',
  'version',
  'workload.start',
  'workload.stop',
]);

/** One sentence for the event log: ids become names, states become words, in the page's language. */
export function describeHappening(t: T, h: Happening, view: MachineView | null): string {
  const name = (id: number | string | undefined) =>
    typeof id === 'number'
      ? (view?.instances.find((i) => i.id === id)?.name ?? String(id))
      : (id ?? '');
  const kernel = h.kernel >= 0 ? name(h.kernel) : t('cpus.pool');
  const d = h.detail;
  const params: Record<string, string | number> = { ...d, kernel, kind: h.kind };
  if (d.from !== undefined) params.from = name(d.from);
  if (typeof d.state === 'string') params.state = t(`state.${d.state}` as MessageKey);
  if (h.kind === 'iommu') return t(d.on ? 'happening.iommu.on' : 'happening.iommu.off');
  if (!KNOWN.has(h.kind)) return t('happening.other', params);
  return t(`happening.${h.kind}` as MessageKey, params);
}
