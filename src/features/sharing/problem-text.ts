import type { FileProblem, ProblemCode } from '../../contract';
import type { MessageKey } from '../../i18n';

type Translate = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string;

/** Every problem's message: a new code does not compile until both catalogs can say it. */
const MESSAGE: Readonly<Record<ProblemCode, MessageKey>> = {
  'too-big': 'share.problem.too-big',
  'not-json': 'share.problem.not-json',
  malformed: 'share.problem.malformed',
  schema: 'share.problem.schema',
  version: 'share.problem.version',
  'not-object': 'share.problem.not-object',
  'not-array': 'share.problem.not-array',
  'not-int': 'share.problem.not-int',
  'not-string': 'share.problem.not-string',
  'not-bool': 'share.problem.not-bool',
  'not-one-of': 'share.problem.not-one-of',
  invalid: 'share.problem.invalid',
  missing: 'share.problem.missing',
  'unknown-field': 'share.problem.unknown-field',
  range: 'share.problem.range',
  'too-many': 'share.problem.too-many',
  'too-long': 'share.problem.too-long',
  empty: 'share.problem.empty',
  'not-multiple': 'share.problem.not-multiple',
  duplicate: 'share.problem.duplicate',
  'invalid-name': 'share.problem.invalid-name',
  pci: 'share.problem.pci',
  order: 'share.problem.order',
  'cpu-missing': 'share.problem.cpu-missing',
  'v1-one-cpu': 'share.problem.v1-one-cpu',
  monolithic: 'share.problem.monolithic',
  'needs-github': 'share.problem.needs-github',
  'device-missing': 'share.problem.device-missing',
  'backend-needs-server': 'share.problem.backend-needs-server',
  'not-setup': 'share.problem.not-setup',
  'lesson-only': 'share.problem.lesson-only',
  refused: 'share.problem.refused',
  'no-boot': 'share.problem.no-boot',
  'too-far': 'share.problem.too-far',
  'boot-budget': 'share.problem.boot-budget',
  'boot-silent': 'share.problem.boot-silent',
  interrupted: 'share.problem.interrupted',
};

/** "setup[3].cpus[1]: CPU 9 does not exist (the machine has 8)": the field, then what is wrong. */
export function problemText(t: Translate, p: FileProblem): string {
  const what = t(MESSAGE[p.code], p.params);
  return p.path ? `${p.path}: ${what}` : what;
}
