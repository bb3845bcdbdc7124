import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { LessonSlug } from '../../contract';
import { CONTENT } from '../../content';
import { lessonKey } from '../../content/keys';
import { lessonText } from '../../i18n/lesson-text';
import { prefsStore } from '../../store/prefs-store';
import { startStore } from '../../store/start-store';
import { useT } from '../../ui/hooks';
import { plainText } from '../../ui/lessons/marks';
import { drawStepPictures, type StepPicture } from './build-handout';
import './handout.css';
import '../stills/slides-text';

/**
 * The lesson as a handout: a preview over the page with Print and Close, and, printed, one
 * section per step — the step's prediction question and choices, its task, the machine where
 * the step begins, and ruled space to write. App controls are not printed (handout.css).
 */
export function Handout({
  slug,
  onClose,
}: {
  readonly slug: LessonSlug;
  readonly onClose: () => void;
}) {
  const t = useT();
  const lang = useStore(prefsStore, (s) => s.lang);
  const steps = CONTENT[slug].steps;
  const [pictures, setPictures] = useState<Record<number, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const printRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const done = Object.keys(pictures).length;
  const ready = done === steps.length;

  useEffect(() => {
    let stopped = false;
    const urls: string[] = [];
    const seed = startStore.getState().spec.seed;
    const add = (p: StepPicture) => {
      urls.push(p.url);
      setPictures((was) => ({ ...was, [p.step]: p.url }));
    };
    drawStepPictures(lang, slug, seed, steps.length, add, () => stopped).catch((e: unknown) =>
      setProblem(t('handout.failed', { error: e instanceof Error ? e.message : String(e) })),
    );
    return () => {
      stopped = true;
      urls.forEach((u) => URL.revokeObjectURL(u));
    };
  }, [lang, slug, steps.length, t]);

  useEffect(() => {
    (ready ? printRef : cancelRef).current?.focus();
  }, [ready]);

  // Esc closes it wherever focus is (the print dialog's return can leave it on the page's body).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      onClose();
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [onClose]);

  const tx = (key: string) => plainText(lessonText(lang, slug, key));
  return (
    <div
      className="handout"
      role="dialog"
      aria-modal="true"
      aria-labelledby="handout-title"
      data-testid="handout"
    >
      <div className="handout-tools">
        <p role="status" data-testid="handout-progress">
          {problem ??
            (ready
              ? t('handout.ready')
              : t('handout.drawing', { n: Math.min(done + 1, steps.length), total: steps.length }))}
        </p>
        <button
          type="button"
          ref={printRef}
          disabled={!ready}
          data-testid="handout-print"
          onClick={() => window.print()}
        >
          {t('handout.print')}
        </button>
        <button type="button" ref={cancelRef} data-testid="handout-close" onClick={onClose}>
          {ready ? t('handout.close') : t('handout.cancel')}
        </button>
      </div>
      <header className="handout-head">
        <h1 id="handout-title">{tx(lessonKey.title(slug))}</h1>
        <p className="handout-name">{t('handout.name')}</p>
      </header>
      {steps.map((step, k) => {
        const n = k + 1;
        const url = pictures[k];
        return (
          <section key={n} className="handout-step" data-testid="handout-step" data-step={n}>
            <h2>
              {t('presenter.export.step', {
                n,
                total: steps.length,
                title: tx(lessonKey.step.title(slug, n)),
              })}
            </h2>
            <p className="handout-q" data-testid="handout-question">
              <strong>{t('lessons.predict')}</strong> {tx(lessonKey.step.predict(slug, n))}
            </p>
            <ul className="handout-choices">
              {Array.from({ length: step.predict.choices }, (_, i) => (
                <li key={i}>{tx(lessonKey.step.choice(slug, n, i + 1))}</li>
              ))}
            </ul>
            <p className="handout-task">
              <strong>{t('lessons.task')}:</strong> {tx(lessonKey.step.task(slug, n))}
            </p>
            {url ? (
              <img src={url} alt={t('handout.picture', { n })} data-testid="handout-picture" />
            ) : (
              <div className="handout-pending">
                {t('handout.drawing', { n, total: steps.length })}
              </div>
            )}
            <div className="handout-write" aria-label={t('handout.write')}>
              <span>{t('handout.write')}</span>
            </div>
          </section>
        );
      })}
    </div>
  );
}
