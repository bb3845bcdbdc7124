import type { ReactElement } from 'react';
import { Sandbox } from './sandbox/Sandbox';
import { ShellPanel } from './shell/ShellPanel';
import { useT } from './hooks';

/** The two tool panels at the foot of the page, loaded as one chunk after the first paint. */
function Workbench() {
  const t = useT();
  return (
    <>
      <section className="shell-area" aria-label={t('shell.area')}>
        <ShellPanel />
      </section>
      <section className="sandbox-area" aria-label={t('sandbox.label')}>
        <Sandbox />
      </section>
    </>
  );
}

/** The panels, for the page that loaded this chunk (MainScreen, once the code is there). */
export function workbench(): ReactElement {
  return <Workbench />;
}
