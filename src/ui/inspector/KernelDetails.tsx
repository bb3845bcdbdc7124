import { RING_USABLE, type Happening, type HappeningKind } from '../../contract';
import { useStore } from 'zustand';
import { simStore } from '../../store/sim-store';
import { formatCount, formatMiB, formatNs } from '../format';
import { describeHappening } from '../happenings';
import { stateText } from '../machine/machine-spec';
import { useLang, useT } from '../hooks';
import { kernelTimings } from './constants';
import { Gone, cpuLinks, workloadLinks } from './detail-links';
import { Badge, Facts, Head, Link, LinkList, Note, Row, Timings } from './parts';

/** Which happenings a kernel's pane recalls: faults and the end of a kill. Every kind says. */
const NOTABLE: Record<HappeningKind, boolean> = {
  panic: true,
  lockup: true,
  scribble: true,
  'dma.corrupt': true,
  'dma.blocked': true,
  'ipi-flood': true,
  stall: true,
  'kill.timeout': true,
  'claim-miss': true,
  'instance.state': false,
  'instance.deleted': false,
  'mailbox.claim': false,
  'cpu.host': false,
  'cpu.offline': false,
  'cpu.online': false,
  'cpu.pool': false,
  'device.lend': false,
  'device.return': false,
  iommu: false,
  'pool.grow': false,
  pressure: false,
  'service.redirect': false,
  version: false,
  'workload.start': false,
  'workload.stop': false,
};

function lastOf(happenings: readonly Happening[], kernel: number, test: (h: Happening) => boolean) {
  for (let i = happenings.length - 1; i >= 0; i--) {
    const h = happenings[i] as Happening;
    if (h.kernel === kernel && test(h)) return h;
  }
  return undefined;
}

export function KernelDetails({ id }: { readonly id: number }) {
  const t = useT();
  const lang = useLang();
  const view = useStore(simStore, (s) => s.view);
  const happenings = useStore(simStore, (s) => s.happenings);
  const inst = view?.instances.find((i) => i.id === id);
  if (!view || !inst) return <Gone />;
  const notable = lastOf(happenings, inst.id, (h) => NOTABLE[h.kind] === true);
  // A panic the kernel has not been restarted since (the GitHub tree parked it: now loaded).
  const lastLife = lastOf(
    happenings,
    inst.id,
    (h) => h.kind === 'panic' || (h.kind === 'instance.state' && h.detail.state === 'active'),
  );
  const parkedAfterPanic =
    !inst.panicked &&
    lastLife?.kind === 'panic' &&
    view.version === 'github' &&
    inst.state !== 'active';
  const host = inst.id === 0;
  const workloads = view.workloads.filter((w) => w.kernel === inst.id);
  const ring = view.version === 'github';
  const ringTone = inst.ring >= RING_USABLE ? 'danger' : inst.ring >= 48 ? 'warn' : undefined;
  return (
    <div data-testid="inspect-kernel" data-kernel={inst.name}>
      <Head
        title={inst.name}
        kind={t(host ? 'inspector.kernel.host' : 'inspector.kernel.spawn', { id: inst.id })}
      />
      <Facts>
        <Row term={t('inspector.state')} testid="inspect-state">
          <Badge
            tone={
              inst.state === 'failed' || inst.panicked ? 'danger' : inst.hung ? 'warn' : undefined
            }
          >
            {stateText(t, inst)}
          </Badge>
        </Row>
        {inst.pending ? (
          <Row term={t('inspector.pending')}>
            <code>{inst.pending}</code>
          </Row>
        ) : null}
        <Row term={t('inspector.image')}>
          {inst.image ? (
            <code>{inst.image}</code>
          ) : (
            <span className="muted">{t('inspector.none')}</span>
          )}
        </Row>
        <Row term={t('inspector.cpus')}>
          <LinkList items={cpuLinks(t, inst.cpus)} />
        </Row>
        <Row term={t('inspector.memory')}>{formatMiB(lang, inst.memMiB)}</Row>
        <Row term={t('inspector.devices')}>
          <LinkList
            items={inst.devices.map((pci) => (
              <Link key={pci} to={{ kind: 'device', pci }}>
                <code>{pci}</code>
              </Link>
            ))}
          />
        </Row>
        <Row term={t('inspector.ring')} testid="inspect-ring">
          {ring ? (
            <span className="insp-meter">
              <meter
                min={0}
                max={RING_USABLE}
                low={40}
                high={56}
                optimum={0}
                value={inst.ring}
                aria-label={t('inspector.ring')}
              />
              <span className={ringTone}>
                {t('inspector.ring.level', { n: inst.ring, max: RING_USABLE })}
              </span>
            </span>
          ) : (
            <span className="muted">{t('inspector.ring.slot')}</span>
          )}
        </Row>
        <Row term={t('inspector.sent')} testid="inspect-sent">
          {formatCount(lang, inst.msgsSent)}
        </Row>
        <Row term={t('inspector.received')}>{formatCount(lang, inst.msgsReceived)}</Row>
        <Row term={t('inspector.ipis')}>{formatCount(lang, inst.ipisReceived)}</Row>
        <Row term={t('inspector.enospc')}>
          <span className={inst.enospc > 0 ? 'warn' : undefined}>
            {formatCount(lang, inst.enospc)}
          </span>
        </Row>
        <Row term={t('inspector.corrupt')} testid="inspect-corrupt">
          <span className={inst.corruptBytes > 0 ? 'danger' : undefined}>
            {`${formatCount(lang, inst.corruptBytes)} B`}
          </span>
        </Row>
        {notable ? (
          <Row term={t('inspector.lastEvent')} testid="inspect-last-event">
            <span className="insp-when">{formatNs(lang, notable.t)}</span>{' '}
            {describeHappening(t, notable, view)}
          </Row>
        ) : null}
        <Row term={t('inspector.workloads')}>
          <LinkList items={workloadLinks(workloads)} />
        </Row>
      </Facts>
      {host ? <Note>{t('inspector.kernel.hostNote')}</Note> : null}
      {inst.panicked ? (
        <Note tone="danger">
          {t(
            view.version === 'github'
              ? 'inspector.kernel.panicking'
              : 'inspector.kernel.panickedOld',
          )}
        </Note>
      ) : null}
      {parkedAfterPanic ? <Note tone="danger">{t('inspector.kernel.panicked')}</Note> : null}
      {inst.hung ? <Note tone="warn">{t('inspector.kernel.hung')}</Note> : null}
      {inst.corruptBytes > 0 ? <Note tone="danger">{t('inspector.kernel.corrupt')}</Note> : null}
      {host ? null : <Timings names={kernelTimings(view.version)} />}
    </div>
  );
}
