// @lint-as: src/shell/__fixture__.ts
// @expect: none
// Allowed: the shell reads the machine.
import { listCpus } from '../sim/machine';

export const lscpu = listCpus;
