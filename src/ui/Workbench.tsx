import type { ReactElement } from 'react';
import { Sandbox } from './sandbox/Sandbox';
import { ShellPanel } from './shell/ShellPanel';

/**
 * The two tool panels, loaded as one chunk after the first paint (a lesson may dock the shell).
 * Their boxes are the workspace's (Workspace.tsx), there before the code.
 */
export interface WorkbenchParts {
  readonly shell: ReactElement;
  readonly sandbox: ReactElement;
}

export function workbench(): WorkbenchParts {
  return { shell: <ShellPanel key="shell" />, sandbox: <Sandbox key="sandbox" /> };
}
