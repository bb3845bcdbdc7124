// @lint-as: src/ui/__fixture__.tsx
// @expect: @typescript-eslint/no-import-type-side-effects
// Under verbatimModuleSyntax this still loads '../contract' at runtime: write `import type`.
import { type MachineView } from '../contract';

export type View = Pick<MachineView, 'cpus'>;
