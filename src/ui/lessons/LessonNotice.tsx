import { lazy, Suspense } from 'react';
import { useStore } from 'zustand';
import { dismissLessonNotice, lessonStore } from '../../store/lesson-store';
import { useT } from '../hooks';

const notices = () => import('./ProgressNotices');
const AsideDownload = lazy(() => notices().then((m) => ({ default: m.AsideDownload })));
const ProgressQuestion = lazy(() => notices().then((m) => ({ default: m.ProgressQuestion })));
const SaveFailed = lazy(() => notices().then((m) => ({ default: m.SaveFailed })));

/**
 * What the page must tell the learner about lessons: a bad link, saved progress it could not
 * read (set aside, with a way to download it), a choice about saved progress, a failed save
 * (not with `saves` false: a frame that already says its storage is blocked). `embedded`: the
 * step shown comes from the page around the embed, not from a link the learner followed.
 */
export function LessonNotice({
  saves = true,
  embedded = false,
}: {
  readonly saves?: boolean;
  readonly embedded?: boolean;
}) {
  const t = useT();
  const notice = useStore(lessonStore, (s) => s.notice);
  const ask = useStore(lessonStore, (s) => s.ask !== null);
  const failed = useStore(lessonStore, (s) => s.saveFailed && saves);
  return (
    <>
      {notice ? (
        <p className="notice" role="alert" data-testid="lesson-notice">
          {t(notice.key as Parameters<typeof t>[0], notice.params)}{' '}
          {notice.key.startsWith('lessons.notice.corrupt') ? (
            <Suspense fallback={null}>
              <AsideDownload />
            </Suspense>
          ) : null}{' '}
          <button type="button" onClick={dismissLessonNotice}>
            {t('lessons.notice.dismiss')}
          </button>
        </p>
      ) : null}
      {ask || failed ? (
        <Suspense fallback={null}>
          {ask ? <ProgressQuestion embedded={embedded} /> : null}
          {failed ? <SaveFailed /> : null}
        </Suspense>
      ) : null}
    </>
  );
}
