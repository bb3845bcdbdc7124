import { useStore } from 'zustand';
import type { MessageKey } from '../../i18n';
import { simStore } from '../../store/sim-store';
import { formatCount } from '../format';
import { useLang, useT } from '../hooks';
import { CPU_TIMINGS, DEVICE_TIMINGS } from './constants';
import { deviceKindKey } from '../sandbox/catalog';
import { Gone, ownerLink, workloadLinks } from './detail-links';
import { Badge, Facts, Head, LinkList, Note, Row, Timings } from './parts';

// The panes for the machine's own parts: a CPU and a PCI device.

export function CpuDetails({ id }: { readonly id: number }) {
  const t = useT();
  const lang = useLang();
  const view = useStore(simStore, (s) => s.view);
  const cpu = view?.cpus.find((c) => c.id === id);
  if (!view || !cpu) return <Gone />;
  const placed = view.workloads.filter((w) => w.cpus.includes(cpu.id));
  return (
    <div data-testid="inspect-cpu">
      <Head
        title={t('inspector.cpu.name', { id: cpu.id })}
        kind={t('inspector.cpu.numa', { n: cpu.numa })}
      />
      <Facts>
        <Row term={t('inspector.owner')}>{ownerLink(t, view, cpu.owner)}</Row>
        <Row term={t('inspector.state')}>
          <Badge>{t(`cpustate.${cpu.state}` as MessageKey)}</Badge>
        </Row>
        <Row term={t('inspector.busy')}>
          {t(cpu.busy ? 'inspector.busy.yes' : 'inspector.busy.no')}
        </Row>
        <Row term={t('inspector.procs')}>{formatCount(lang, cpu.procs)}</Row>
        <Row term={t('inspector.workloads')}>
          <LinkList items={workloadLinks(placed)} />
        </Row>
      </Facts>
      {cpu.state === 'parked' ? <Note>{t('inspector.cpu.parked')}</Note> : null}
      {cpu.state === 'offline' ? <Note>{t('inspector.cpu.offline')}</Note> : null}
      <Timings names={CPU_TIMINGS} />
    </div>
  );
}

export function DeviceDetails({ pci }: { readonly pci: string }) {
  const t = useT();
  const view = useStore(simStore, (s) => s.view);
  const d = view?.devices.find((x) => x.pci === pci);
  if (!view || !d) return <Gone />;
  const lent = d.owner !== 0;
  const note: MessageKey = !lent
    ? 'inspector.device.hostNote'
    : view.iommu && d.domain
      ? 'inspector.device.confined'
      : 'inspector.device.open';
  return (
    <div data-testid="inspect-device">
      <Head title={<code>{d.pci}</code>} kind={t(deviceKindKey(d.kind))} />
      <Facts>
        <Row term={t('inspector.pci')}>
          <code>{d.pci}</code>
        </Row>
        <Row term={t('inspector.holder')}>{ownerLink(t, view, d.owner)}</Row>
        <Row term={t('inspector.domain')}>
          {d.domain ? <Badge tone="ok">{t('inspector.domain.own')}</Badge> : t('inspector.none')}
        </Row>
        <Row term={t('inspector.iommu')}>{t(view.iommu ? 'inspector.on' : 'inspector.off')}</Row>
      </Facts>
      <Note tone={note === 'inspector.device.open' ? 'warn' : undefined}>{t(note)}</Note>
      <Timings names={DEVICE_TIMINGS} />
    </div>
  );
}
