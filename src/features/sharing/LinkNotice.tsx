import { useStore } from 'zustand';
import { dismissLinkNotice, shareStore } from './share-store';
import { useT } from '../../ui/hooks';
import { problemText } from './problem-text';

/** What the page says about the link it was opened with: replayed on another engine, or refused. */
export function LinkNotice() {
  const t = useT();
  const notice = useStore(shareStore, (s) => s.notice);
  if (!notice) return null;
  const text =
    notice.kind === 'engine'
      ? t('share.notice.engine', { link: notice.link, ours: notice.ours })
      : t('share.notice.refused', { problem: problemText(t, notice.problem) });
  return (
    <p className="notice" role="alert" data-testid="link-notice" data-kind={notice.kind}>
      {text}{' '}
      <button type="button" onClick={dismissLinkNotice}>
        {t('share.notice.dismiss')}
      </button>
    </p>
  );
}
