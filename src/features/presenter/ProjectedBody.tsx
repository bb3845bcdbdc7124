import type { LessonSlug } from '../../contract';
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import { lessonKey } from '../../content/keys';
import { lessonStore } from '../../store/lesson-store';
import { simStore } from '../../store/sim-store';
import { presenterStore } from './presenter-store';
import { formatNs } from '../../ui/format';
import { useLang, useT } from '../../ui/hooks';
import { useLessonText } from '../../ui/lessons/use-lesson-text';
import { ProjectedClass } from '../class/ProjectedClass';
import { ProjectedLesson } from './ProjectedLesson';

function LessonHeading({ slug, k, steps }: { slug: LessonSlug; k: number; steps: number }) {
  const t = useT();
  const { tx } = useLessonText(slug);
  return (
    <>
      <h1>{tx(lessonKey.title(slug))}</h1>
      <p className="aud-step" data-testid="audience-step" data-step={k + 1}>
        <span>{t('presenter.audience.step', { n: k + 1, total: steps })}</span>
        {' · '}
        <span>{tx(lessonKey.step.title(slug, k + 1))}</span>
      </p>
    </>
  );
}

/** The projected screen's heading: the lesson and step (or the sandbox) and the simulated time. */
export function ProjectedHead() {
  const t = useT();
  const lang = useLang();
  const status = useStore(lessonStore, (s) => s.status);
  const now = useStore(simStore, (s) => s.t);
  return (
    <header className="aud-head">
      {status ? (
        <LessonHeading slug={status.slug} k={status.step} steps={status.steps} />
      ) : (
        <h1>{t('presenter.audience.sandbox')}</h1>
      )}
      <p className="aud-time">{t('presenter.audience.time', { time: formatNs(lang, now) })}</p>
    </header>
  );
}

/**
 * What the room sees (the audience window, or the presenter's own window on one screen): the
 * machine on the left, as large as the room needs; beside it the class's room and tally, the
 * step's question, the answer once revealed, the card, the charts and the legend.
 * `presenter`: the presenter's own window, whose card the teacher opens here.
 */
export function ProjectedBody(props: { readonly stage: ReactNode; readonly twin: boolean }) {
  const t = useT();
  const presenter = useStore(presenterStore, (s) => s.mode === 'presenter');
  return (
    <div className="aud-body">
      <section
        className={props.twin ? 'aud-stage has-twin' : 'aud-stage'}
        aria-label={t('stage.label')}
        data-testid="audience-stage"
      >
        {props.stage}
      </section>
      {/* On the projector nothing is to be pressed (the charts' names are buttons elsewhere). */}
      <div className="aud-side" inert={!presenter}>
        <ProjectedClass />
        <ProjectedLesson />
      </div>
    </div>
  );
}
