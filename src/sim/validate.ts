import { inputRefusal } from '../contract/validate/input';
import { fail } from './errors';
import type { Input, SimError } from './types';

/**
 * Inputs arrive from the UI, the shell, links and files: check their shape before anything
 * touches the machine (by the contract's validator, the one the page checks files with), and
 * name the field that is wrong.
 */
export function validateInput(x: unknown): Input | SimError {
  const why = inputRefusal(x);
  return why === null ? (x as Input) : fail('EINVAL', why);
}
