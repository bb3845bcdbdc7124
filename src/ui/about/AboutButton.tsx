import { lazy, Suspense, useState } from 'react';
import { useT } from '../hooks';

/** The About page's code and text (both languages) load only when someone opens it. */
const AboutDialog = lazy(() => import('./AboutDialog'));

/** The header's "About" button and, once pressed, the About / Sources dialog. */
export function AboutButton() {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        data-testid="about-open"
        onClick={() => setOpen(true)}
      >
        {t('about.open')}
      </button>
      {open ? (
        <Suspense fallback={null}>
          <AboutDialog onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
