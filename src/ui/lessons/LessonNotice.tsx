import { useStore } from 'zustand';
import { dismissLessonNotice, lessonStore } from '../../store/lesson-store';
import { useT } from '../hooks';

/** What the page must tell the learner about lessons: a bad link, unreadable saved progress. */
export function LessonNotice() {
  const t = useT();
  const notice = useStore(lessonStore, (s) => s.notice);
  if (!notice) return null;
  return (
    <p className="notice" role="alert" data-testid="lesson-notice">
      {t(notice.key as Parameters<typeof t>[0], notice.params)}{' '}
      <button type="button" onClick={dismissLessonNotice}>
        {t('lessons.notice.dismiss')}
      </button>
    </p>
  );
}
