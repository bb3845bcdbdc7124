import type { MessageKey } from '../../i18n';
import type { FileProblem } from '../../store/share-store';

type Translate = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string;

/** "setup[3].cpus[1]: CPU 9 does not exist (the machine has 8)": the field, then what is wrong. */
export function problemText(t: Translate, p: FileProblem): string {
  const what = t(`share.problem.${p.code}` as MessageKey, p.params);
  return p.path ? `${p.path}: ${what}` : what;
}
