// @lint-as: src/ui/__fixture__.tsx
// @expect: @typescript-eslint/no-import-type-side-effects
// Under verbatimModuleSyntax this still loads '../sim/types' at runtime: write `import type`.
import { type Machine } from '../sim/types';

export type View = Pick<Machine, 'cpus'>;
