import { useRef, useSyncExternalStore } from 'react';
import { CITATION, citationBibtex, citationText } from '../../content/citation';
import { FACT_SECTIONS, type FactSection } from '../../content/facts';
import type { MessageKey } from '../../i18n';
import { aboutText, type AboutKey } from '../../i18n/about-text';
import { useLang, useT } from '../hooks';
import { useModal } from '../use-modal';
import '../dialogs.css';
import './about.css';

/** The uncertain facts, in the order of the fact file's §6 and its [UNVERIFIED] marks. */
const UNCERTAIN = [
  'ipi',
  'boot',
  'panic',
  'heartbeat',
  'kho',
  'v3',
  'loader',
  'vendor',
  'secondaries',
  'slot',
  'model',
] as const;

type OfflineState = 'ready' | 'pending' | 'none';

function offlineState(): OfflineState {
  if (!('serviceWorker' in navigator)) return 'none';
  return navigator.serviceWorker.controller ? 'ready' : 'pending';
}

function subscribeOffline(onChange: () => void): () => void {
  if (!('serviceWorker' in navigator)) return () => undefined;
  navigator.serviceWorker.addEventListener('controllerchange', onChange);
  return () => navigator.serviceWorker.removeEventListener('controllerchange', onChange);
}

/**
 * About / Sources (issue 6): what the lab is, the fact sections it models with their sources,
 * what is uncertain, the licence and how to cite. A modal dialog, loaded lazily from the header.
 */
export default function AboutDialog({ onClose }: { readonly onClose: () => void }) {
  const t = useT();
  const lang = useLang();
  const a = (key: AboutKey, params?: Readonly<Record<string, string | number>>) =>
    aboutText(lang, key, params);
  const close = useRef<HTMLButtonElement>(null);
  const modal = useModal(true, onClose, close);
  const offline = useSyncExternalStore(subscribeOffline, offlineState);
  const proposal = FACT_SECTIONS.filter((f) => f.id.startsWith('1.'));
  const others = FACT_SECTIONS.filter((f) => !f.id.startsWith('1.'));
  const fact = (f: FactSection) => <Fact key={f.id} section={f} lang={lang} t={t} />;
  return (
    <dialog
      {...modal}
      className="ls-dialog about"
      aria-labelledby="about-title"
      data-testid="about-dialog"
    >
      <div className="ls-dialog-box">
        <div className="ls-dialog-top">
          <h2 id="about-title">{a('about.title')}</h2>
          <button type="button" ref={close} onClick={onClose} data-testid="about-close">
            {a('about.close')}
          </button>
        </div>

        <section aria-labelledby="about-what">
          <h3 id="about-what">{a('about.what.title')}</h3>
          <p>{a('about.what.body')}</p>
          <p>{a('about.what.model')}</p>
          <p>{a('about.what.privacy')}</p>
          <p data-testid="about-offline" data-state={offline}>
            {a(`about.offline.${offline}`)}
          </p>
        </section>

        <section aria-labelledby="about-facts">
          <h3 id="about-facts">{a('about.facts.title')}</h3>
          <p>{a('about.facts.intro')}</p>
          <ul className="about-facts" data-testid="about-facts">
            <li>
              <span className="about-fact-title">§1 {a('about.facts.group1')}</span>
              <ul className="about-facts">{proposal.map(fact)}</ul>
            </li>
            {others.map(fact)}
          </ul>
        </section>

        <section aria-labelledby="about-uncertain">
          <h3 id="about-uncertain">{a('about.uncertain.title')}</h3>
          <p>{a('about.uncertain.intro')}</p>
          <ul className="about-uncertain" data-testid="about-uncertain">
            {UNCERTAIN.map((k) => (
              <li key={k}>{a(`about.uncertain.${k}`)}</li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="about-licence">
          <h3 id="about-licence">{a('about.licence.title')}</h3>
          <p>{a('about.licence.body')}</p>
          <p>{a('about.licence.facts')}</p>
        </section>

        <section aria-labelledby="about-cite">
          <h3 id="about-cite">{a('about.cite.title')}</h3>
          <p>{a('about.cite.body')}</p>
          <p className="about-citation" data-testid="about-citation">
            {citationText(a('about.cite.version', { version: CITATION.version }))}
          </p>
          <h4 id="about-bibtex">{a('about.cite.bibtex')}</h4>
          <pre className="about-bibtex" aria-labelledby="about-bibtex" tabIndex={0}>
            {citationBibtex()}
          </pre>
        </section>
      </div>
    </dialog>
  );
}

/** One fact section: number and title, what the lab takes from it, and its source's link. */
function Fact({
  section,
  lang,
  t,
}: {
  readonly section: FactSection;
  readonly lang: 'en' | 'es';
  readonly t: (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string;
}) {
  const { id, url } = section;
  return (
    <li data-fact={id}>
      <span className="about-fact-title">
        §{id} {t(`facts.${id}` as MessageKey)}
      </span>{' '}
      {aboutText(lang, `about.fact.${id}` as AboutKey)}{' '}
      <a href={url} target="_blank" rel="noreferrer">
        <span className="sr-only">
          {aboutText(lang, 'about.facts.source')} §{id}:{' '}
        </span>
        {new URL(url).hostname}
      </a>
    </li>
  );
}
