import type { TrafficEvent } from '../../contract';
import { useStore } from 'zustand';
import type { MessageKey } from '../../i18n';
import { simStore } from '../../store/sim-store';
import { formatNs } from '../format';
import { useLang, useT } from '../hooks';
import { messageTimings } from './constants';
import { Gone, ownerLink, type T } from './detail-links';
import { Badge, Facts, Head, Link, Note, Row, Timings } from './parts';
import { isModelReason, messageNumber, messageStory } from './story';

const DROP_REASON: Record<string, MessageKey> = {
  'target-halted': 'inspector.reason.target-halted',
  'ring-reset': 'inspector.reason.ring-reset',
  'target-gone': 'inspector.reason.target-gone',
};

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
