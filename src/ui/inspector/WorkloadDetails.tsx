import { useStore } from 'zustand';
import { simStore } from '../../store/sim-store';
import { formatCount, formatNs } from '../format';
import { useLang, useT } from '../hooks';
import { WORKLOAD_TIMINGS } from './constants';
import { WORKLOAD_KINDS } from '../sandbox/catalog';
import { Gone, cpuLinks, ownerLink } from './detail-links';
import { Facts, Head, LinkList, Row, Timings } from './parts';

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
