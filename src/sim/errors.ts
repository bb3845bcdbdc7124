import type { Errno, SimError } from './types';

const ERRNO: Record<Errno, number> = {
  EPERM: -1,
  ENOENT: -2,
  ENOMEM: -12,
  EBUSY: -16,
  EEXIST: -17,
  EINVAL: -22,
  ENOSPC: -28,
  EOPNOTSUPP: -95,
  ETIMEDOUT: -110,
};

export function fail(code: Errno, message: string): SimError {
  return { ok: false, code, errno: ERRNO[code], message };
}

export const OK = { ok: true } as const;
