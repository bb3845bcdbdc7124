import { lazy, Suspense, useState } from 'react';
import { useStore } from 'zustand';
import { openShareDialog, sharing, shareStore } from './share-store';
import { useT } from '../../ui/hooks';

/** The dialog and its QR encoder load on the first Share click. */
const ShareDialog = lazy(() => import('./ShareDialog'));

/**
 * "Share" in the header: makes the link of the machine as it stands (lesson or scenario, seed,
 * time and the replay) and opens the dialog that copies it and shows it as a QR code.
 */
export function ShareButton() {
  const t = useT();
  const open = useStore(shareStore, (s) => s.dialog !== null);
  const [problem, setProblem] = useState<string | null>(null);
  const share = () => {
    setProblem(null);
    sharing
      .link()
      .then(openShareDialog)
      .catch((e: unknown) => setProblem(t('share.failed', { error: String(e) })));
  };
  return (
    <>
      <button type="button" aria-haspopup="dialog" data-testid="share-open" onClick={share}>
        {t('share.open')}
      </button>
      {problem ? (
        <span className="sr-only" role="alert">
          {problem}
        </span>
      ) : null}
      {open ? (
        <Suspense fallback={null}>
          <ShareDialog />
        </Suspense>
      ) : null}
    </>
  );
}
