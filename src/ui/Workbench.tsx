import type { ReactElement } from 'react';
import { Sandbox } from './sandbox/Sandbox';
import { ShellPanel } from './shell/ShellPanel';
import { useT } from './hooks';

function ShellArea() {
  const t = useT();
  return (
    <section className="shell-area" aria-label={t('shell.area')}>
      <ShellPanel />
    </section>
  );
}

function SandboxArea() {
  const t = useT();
  return (
    <section className="sandbox-area" aria-label={t('sandbox.label')}>
      <Sandbox />
    </section>
  );
}

/** The two tool panels, loaded as one chunk after the first paint (a lesson may dock the shell). */
export interface WorkbenchParts {
  readonly shell: ReactElement;
  readonly sandbox: ReactElement;
}

export function workbench(): WorkbenchParts {
  return { shell: <ShellArea key="shell" />, sandbox: <SandboxArea key="sandbox" /> };
}
