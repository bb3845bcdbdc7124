import { useStore } from 'zustand';
import type { MessageKey } from '../../i18n';
import type { ConstantName, Happening, MachineView, TimingConstant, TrafficEvent } from '../../sim';
import { simStore } from '../../store/sim-store';
import { formatCount, formatMiB, formatNs } from '../format';
import { describeHappening } from '../happenings';
import { useLang, useT } from '../hooks';
import {
  CONSTANT_TITLES,
  CPU_TIMINGS,
  DEVICE_TIMINGS,
  kernelTimings,
  messageTimings,
  WORKLOAD_TIMINGS,
} from './constants';
import { deviceKindKey, WORKLOAD_KINDS } from '../sandbox/catalog';
import { Badge, Facts, Head, Link, LinkList, Note, Row, Timings } from './parts';
import { CONFIDENCE, constantValue, isModelReason, messageNumber, messageStory } from './story';

type T = ReturnType<typeof useT>;

/** Usable ring entries in the GitHub tree: 64 slots, one kept empty (facts §1.9). */
const RING_USABLE = 63;

const DROP_REASON: Record<string, MessageKey> = {
  'target-halted': 'inspector.reason.target-halted',
  'ring-reset': 'inspector.reason.ring-reset',
  'target-gone': 'inspector.reason.target-gone',
};

function ownerLink(t: T, view: MachineView, owner: number) {
  if (owner < 0) return <span>{t('cpus.pool')}</span>;
  const inst = view.instances.find((i) => i.id === owner);
  return inst ? (
    <Link to={{ kind: 'kernel', id: owner }}>{inst.name}</Link>
  ) : (
    <span>{`#${owner}`}</span>
  );
}

const cpuLinks = (t: T, cpus: readonly number[]) =>
  cpus.map((c) => (
    <Link key={c} to={{ kind: 'cpu', id: c }}>
      {t('inspector.cpu.name', { id: c })}
    </Link>
  ));

function Gone() {
  const t = useT();
  return <Note>{t('inspector.gone')}</Note>;
}

/** Happenings worth recalling on a kernel's pane: faults and the end of a kill. */
const NOTABLE = new Set([
  'panic',
  'lockup',
  'scribble',
  'dma.corrupt',
  'dma.blocked',
  'ipi-flood',
  'stall',
  'kill.timeout',
  'claim-miss',
]);

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
  const notable = lastOf(happenings, inst.id, (h) => NOTABLE.has(h.kind));
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
          <Badge tone={inst.state === 'failed' ? 'danger' : undefined}>
            {t(`state.${inst.stateLabel}` as MessageKey)}
          </Badge>{' '}
          {inst.panicked ? <Badge tone="danger">{t('state.panicked')}</Badge> : null}{' '}
          {inst.hung ? <Badge tone="warn">{t('state.hung')}</Badge> : null}
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
          <LinkList
            items={workloads.map((w) => (
              <Link key={w.id} to={{ kind: 'workload', id: w.id }}>
                {w.name}
              </Link>
            ))}
          />
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
          <LinkList
            items={placed.map((w) => (
              <Link key={w.id} to={{ kind: 'workload', id: w.id }}>
                {w.name}
              </Link>
            ))}
          />
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

function fateText(
  t: T,
  lang: ReturnType<typeof useLang>,
  fate: TrafficEvent,
  sentAt: number | null,
) {
  const after = sentAt === null ? '' : formatNs(lang, fate.t - sentAt);
  switch (fate.kind) {
    case 'deliver':
      return t(sentAt === null ? 'inspector.fate.deliveredNoSend' : 'inspector.fate.delivered', {
        cpu: fate.cpu,
        after,
      });
    case 'reject':
      return t('inspector.fate.rejected');
    case 'overwrite':
      return t('inspector.fate.overwritten');
    case 'drop':
      return t('inspector.fate.dropped', {
        reason: DROP_REASON[fate.reason] ? t(DROP_REASON[fate.reason] as MessageKey) : fate.reason,
      });
    default:
      return fate.kind;
  }
}

export function MessageDetails({ seq }: { readonly seq: number }) {
  const t = useT();
  const lang = useLang();
  const view = useStore(simStore, (s) => s.view);
  const traffic = useStore(simStore, (s) => s.traffic);
  const story = messageStory(traffic, seq);
  if (!view) return <Gone />;
  if (!story) return <Note>{t('inspector.msg.gone')}</Note>;
  const p = story.picked;
  const name = (id: number) => ownerLink(t, view, id);
  const version = view.version;
  if (story.raw) {
    return (
      <div data-testid="inspect-message">
        <Head title={t('inspector.msg.rawTitle')} kind={t('inspector.msg.kind')} />
        <Facts>
          <Row term={t('inspector.msg.from')}>{name(p.from)}</Row>
          <Row term={t('inspector.msg.to')}>
            {name(p.to)} ·{' '}
            <Link to={{ kind: 'cpu', id: p.cpu }}>{t('inspector.cpu.name', { id: p.cpu })}</Link>
          </Row>
          <Row term={t('inspector.msg.at')}>{formatNs(lang, p.t)}</Row>
        </Facts>
        <Note tone="warn">{t('inspector.msg.raw')}</Note>
        <Timings names={['ipiLatency', 'ipiEntry']} />
      </div>
    );
  }
  const sentAt = story.send?.t ?? null;
  const fate = story.fate;
  const fateTone =
    fate === null
      ? undefined
      : fate.kind === 'deliver'
        ? 'ok'
        : fate.kind === 'drop'
          ? 'warn'
          : 'danger';
  const fateWord: MessageKey =
    fate === null
      ? 'inspector.fate.inflight'
      : ((
          {
            deliver: 'inspector.fate.word.delivered',
            reject: 'inspector.fate.word.rejected',
            overwrite: 'inspector.fate.word.overwritten',
            drop: 'inspector.fate.word.dropped',
          } as Record<string, MessageKey>
        )[fate.kind] ?? 'inspector.fate.inflight');
  return (
    <div data-testid="inspect-message" data-fate={fate?.kind ?? 'in-flight'}>
      <Head
        title={t('inspector.msg.title', { n: messageNumber(p.id) })}
        kind={t('inspector.msg.kind')}
      />
      <Facts>
        <Row term={t('inspector.msg.from')}>{name(p.from)}</Row>
        <Row term={t('inspector.msg.to')}>{name(p.to)}</Row>
        <Row term={t('inspector.msg.category')}>
          <code>{p.category}</code> / <code>{p.subtype}</code>
        </Row>
        <Row term={t('inspector.msg.sent')}>
          {story.send
            ? t('inspector.msg.sentAt', {
                time: formatNs(lang, story.send.t),
                cpu: story.send.cpu,
              })
            : t('inspector.msg.notSent', { time: formatNs(lang, p.t) })}
        </Row>
        <Row term={t('inspector.msg.fate')} testid="inspect-fate">
          <Badge tone={fateTone}>{t(fateWord)}</Badge>{' '}
          {fate ? fateText(t, lang, fate, sentAt) : t('inspector.fate.waiting')}
        </Row>
        {fate ? <Row term={t('inspector.msg.fateAt')}>{formatNs(lang, fate.t)}</Row> : null}
      </Facts>
      {fate?.kind === 'drop' && isModelReason(fate.reason) ? (
        <Note tone="warn">{t('inspector.fate.modelReason')}</Note>
      ) : null}
      {fate?.kind === 'reject' ? <Note>{t('inspector.fate.enospcNote')}</Note> : null}
      {fate?.kind === 'overwrite' ? <Note>{t('inspector.fate.overwriteNote')}</Note> : null}
      <Timings names={messageTimings(version)} />
    </div>
  );
}

export function WorkloadDetails({ id }: { readonly id: number }) {
  const t = useT();
  const lang = useLang();
  const view = useStore(simStore, (s) => s.view);
  const w = view?.workloads.find((x) => x.id === id);
  if (!view || !w) return <Gone />;
  const last = w.last;
  return (
    <div data-testid="inspect-workload">
      <Head title={w.name} kind={t(WORKLOAD_KINDS[w.kind])} />
      <Facts>
        <Row term={t('inspector.runsIn')}>{ownerLink(t, view, w.kernel)}</Row>
        <Row term={t('inspector.running')}>
          {t(w.running ? 'inspector.running.yes' : 'inspector.running.no')}
        </Row>
        <Row term={t('inspector.load')}>
          {t('inspector.permille', { n: formatCount(lang, w.load) })}
        </Row>
        <Row term={t('inspector.backend')}>
          {w.backend >= 0 ? (
            ownerLink(t, view, w.backend)
          ) : (
            <span className="muted">{t('inspector.local')}</span>
          )}
        </Row>
        <Row term={t('inspector.cpus')}>
          <LinkList items={cpuLinks(t, w.cpus)} />
        </Row>
      </Facts>
      <h4 className="insp-sub">
        {last
          ? t('inspector.window', { time: formatNs(lang, last.t) })
          : t('inspector.window.none')}
      </h4>
      {last ? (
        <Facts>
          <Row term={t('inspector.tput')}>
            {t('inspector.perSecond', { n: formatCount(lang, last.tput) })}
          </Row>
          <Row term={t('inspector.p50')}>{formatNs(lang, last.p50)}</Row>
          <Row term={t('inspector.p99')}>{formatNs(lang, last.p99)}</Row>
          <Row term={t('inspector.misses')}>
            <span className={last.misses > 0 ? 'danger' : undefined}>
              {formatCount(lang, last.misses)}
            </span>
          </Row>
          <Row term={t('inspector.errors')}>
            <span className={last.errors > 0 ? 'warn' : undefined}>
              {formatCount(lang, last.errors)}
            </span>
          </Row>
        </Facts>
      ) : null}
      <h4 className="insp-sub">{t('inspector.totals')}</h4>
      <Facts>
        <Row term={t('inspector.completed')}>{formatCount(lang, w.completed)}</Row>
        <Row term={t('inspector.errors')}>{formatCount(lang, w.errors)}</Row>
        <Row term={t('inspector.misses')}>{formatCount(lang, w.misses)}</Row>
        <Row term={t('inspector.p99Live')}>{formatNs(lang, w.p99Live)}</Row>
      </Facts>
      <Timings names={WORKLOAD_TIMINGS[w.kind]} />
    </div>
  );
}

/**
 * A timing constant: value in its unit, source, confidence (low, vendor-claim and model
 * confidences are flagged), and the note. Takes the constant as a prop, so any table can feed it.
 */
export function ConstantDetails({
  name,
  constant,
}: {
  readonly name: ConstantName;
  readonly constant: TimingConstant | undefined;
}) {
  const t = useT();
  const lang = useLang();
  const title = CONSTANT_TITLES[name] ? t(CONSTANT_TITLES[name]) : name;
  if (!constant) {
    return (
      <div data-testid="inspect-constant">
        <Head title={title} kind={t('inspector.constant.kind')} />
        <Note>{t('inspector.constant.unavailable')}</Note>
      </div>
    );
  }
  const conf = CONFIDENCE[constant.confidence];
  return (
    <div data-testid="inspect-constant" data-confidence={constant.confidence}>
      <Head title={title} kind={t('inspector.constant.kind')} />
      <Facts>
        <Row term={t('inspector.constant.value')} testid="inspect-constant-value">
          <strong>
            {constantValue(constant, {
              ns: (n) => formatNs(lang, n),
              count: (n) => formatCount(lang, n),
            })}
          </strong>
        </Row>
        <Row term={t('inspector.constant.confidence')}>
          <Badge tone={conf.flag ? 'warn' : 'ok'}>{t(conf.key)}</Badge>
        </Row>
        <Row term={t('inspector.constant.source')}>{constant.source}</Row>
        {constant.note ? <Row term={t('inspector.constant.note')}>{constant.note}</Row> : null}
        <Row term={t('inspector.constant.id')}>
          <code>{name}</code>
        </Row>
      </Facts>
      {conf.flag ? <Note tone="warn">{t(`${conf.key}.explain` as MessageKey)}</Note> : null}
    </div>
  );
}
