import type { Happening, HappeningKind } from '../contract';
import type { MessageKey } from '../i18n';
import type { useT } from './hooks';
import type { KernelNames } from './use-kernel-names';

type T = ReturnType<typeof useT>;

/**
 * How the event log says each kind of happening. A `Record` over every kind: a kind the sim adds
 * does not compile until it has a sentence here.
 */
const SENTENCE: Record<HappeningKind, (h: Happening) => MessageKey> = {
  'instance.state': () => 'happening.instance.state',
  'instance.deleted': () => 'happening.instance.deleted',
  panic: () => 'happening.panic',
  lockup: () => 'happening.lockup',
  'kill.timeout': () => 'happening.kill.timeout',
  'mailbox.claim': () => 'happening.mailbox.claim',
  'claim-miss': () => 'happening.claim-miss',
  'cpu.host': () => 'happening.cpu.host',
  'cpu.offline': () => 'happening.cpu.offline',
  'cpu.online': () => 'happening.cpu.online',
  'cpu.pool': () => 'happening.cpu.pool',
  'device.lend': () => 'happening.device.lend',
  'device.return': () => 'happening.device.return',
  'dma.blocked': () => 'happening.dma.blocked',
  'dma.corrupt': () => 'happening.dma.corrupt',
  'ipi-flood': () => 'happening.ipi-flood',
  iommu: (h) => (h.detail.on ? 'happening.iommu.on' : 'happening.iommu.off'),
  'pool.grow': () => 'happening.pool.grow',
  pressure: () => 'happening.pressure',
  scribble: () => 'happening.scribble',
  'service.redirect': () => 'happening.service.redirect',
  stall: () => 'happening.stall',
  version: () => 'happening.version',
  'workload.start': () => 'happening.workload.start',
  'workload.stop': () => 'happening.workload.stop',
};

/** One sentence for the event log: ids become names, states become words, in the page's language. */
export function describeHappening(t: T, h: Happening, names: KernelNames | null): string {
  const name = (id: number | string | undefined) =>
    typeof id === 'number'
      ? (names?.instances.find((i) => i.id === id)?.name ?? String(id))
      : (id ?? '');
  const kernel = h.kernel >= 0 ? name(h.kernel) : t('cpus.pool');
  const d = h.detail;
  const params: Record<string, string | number> = { ...d, kernel, kind: h.kind };
  if (d.from !== undefined) params.from = name(d.from);
  if (typeof d.state === 'string') params.state = t(`state.${d.state}` as MessageKey);
  const sentence = SENTENCE[h.kind] as ((h: Happening) => MessageKey) | undefined;
  // A kind from a newer worker than this page (a cached page after an update) still reads.
  return sentence ? t(sentence(h), params) : t('happening.other', params);
}
