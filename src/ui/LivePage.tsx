import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { Lang } from '../i18n';
import { togglePlaying, changeSpeed } from '../store/playback-store';
import { simStore } from '../store/sim-store';
import { CpuList } from './CpuList';
import { EventLog } from './EventLog';
import { formatNs } from './format';
import { useLang, useT } from './hooks';
import { KernelTable } from './KernelTable';
import { LanguageSwitch } from './LanguageSwitch';
import { MessageCounts } from './MessageCounts';
import { PlaybackControls } from './PlaybackControls';
import { StatusBanner } from './StatusBanner';
import { WorkloadTable } from './WorkloadTable';

/**
 * The first page: the live machine as accessible text. It proves the pipe end to end; the
 * animated view builds on the same stores.
 */
export function LivePage({ onLang }: { readonly onLang: (lang: Lang) => void }) {
  const t = useT();
  const lang = useLang();
  const fork = useStore(simStore, (s) => s.fork);
  const rejected = useStore(simStore, (s) => s.rejected);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && /^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(target.tagName)) return;
      if (e.key === ' ') {
        e.preventDefault();
        togglePlaying();
      } else if (e.key === '+') changeSpeed(1);
      else if (e.key === '-') changeSpeed(-1);
      else if (e.key === 'l') onLang(lang === 'en' ? 'es' : 'en');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [lang, onLang]);
  const lastRejected = rejected[rejected.length - 1];
  return (
    <>
      <header className="top">
        <div>
          <h1>{t('app.title')}</h1>
          <p className="tagline">{t('app.tagline')}</p>
        </div>
        <LanguageSwitch onChange={onLang} />
      </header>
      <main>
        <StatusBanner />
        <PlaybackControls />
        {fork ? (
          <p className="notice" role="status">
            {t('fork.notice', { time: formatNs(lang, fork.atNs), count: fork.dropped })}
          </p>
        ) : null}
        {lastRejected && !lastRejected.result.ok ? (
          <p className="notice">{t('rejected.notice', { message: lastRejected.result.message })}</p>
        ) : null}
        <div className="grid">
          <KernelTable />
          <MessageCounts />
          <WorkloadTable />
          <CpuList />
          <EventLog />
        </div>
      </main>
    </>
  );
}
