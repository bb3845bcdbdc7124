import { useState } from 'react';
import type { FieldError } from './parse';

export type Errors = Readonly<Record<string, FieldError | undefined>>;

/** Errors of one form: set on submit, each cleared as soon as its field changes. */
export function useErrors() {
  const [errors, setErrors] = useState<Errors>({});
  const clear = (field: string) => {
    if (errors[field]) setErrors({ ...errors, [field]: undefined });
  };
  return { errors, setErrors, clear };
}
