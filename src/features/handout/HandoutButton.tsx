import { useState } from 'react';
import type { LessonSlug } from '../../contract';
import { useT } from '../../ui/hooks';

/**
 * "Print handout": the lesson as paper (one section per step: its question, the machine at
 * that step, space to write). The handout's code loads on the first press.
 */
export function HandoutButton({ slug }: { readonly slug: LessonSlug }) {
  const t = useT();
  const [problem, setProblem] = useState<string | null>(null);
  const open = () => {
    setProblem(null);
    import('./open-handout')
      .then((m) => m.openHandout(slug))
      .catch((e: unknown) =>
        setProblem(t('handout.failed', { error: e instanceof Error ? e.message : String(e) })),
      );
  };
  return (
    <>
      <button type="button" aria-haspopup="dialog" data-testid="handout-open" onClick={open}>
        {t('handout.open')}
      </button>
      {problem ? <span role="alert">{problem}</span> : null}
    </>
  );
}
