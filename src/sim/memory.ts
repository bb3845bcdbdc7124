import { fail } from './errors';
import { K } from './constants';
import { ringCount, sendMessage } from './ipi';
import { spawnByName } from './lifecycle';
import { host, poolFreeBlocks } from './machine';
import { BLOCK_MIB } from './time';
import { HOST, type ApplyResult, type Instance, type Machine } from './types';

/**
 * Grow a running instance: the host carves pool memory and sends MK_RES_MEM_ADD; the spawn
 * hot-adds the range and answers (facts §1.6, §1.9: resource ops wait for an ACK).
 */
export function memAdd(m: Machine, name: string, memMiB: number): ApplyResult {
  const inst = spawnByName(m, name);
  if ('ok' in inst) return inst;
  if (m.version !== 'github')
    return fail('EOPNOTSUPP', 'runtime memory growth came with the GitHub tree');
  if (inst.state !== 'active') return fail('EINVAL', `instance ${name} is not active`);
  if (!Number.isInteger(memMiB) || memMiB <= 0)
    return fail('EINVAL', 'size must be a positive number of MiB');
  const need = Math.ceil(memMiB / BLOCK_MIB);
  const free = poolFreeBlocks(m);
  if (need > free.length) {
    return fail(
      'ENOMEM',
      `memory beyond the pool: ${memMiB} MiB asked, ${free.length * BLOCK_MIB} MiB free`,
    );
  }
  if (ringCount(inst) === K.ringEntries - 1) return fail('ENOSPC', `ring of ${name} is full`);
  const sent = sendMessage(m, host(m), inst.id, 'RESOURCE', 'MEM_ADD', 32, need * BLOCK_MIB, 0);
  if (!sent.ok) return sent;
  const blocks = free.slice(0, need);
  for (const b of blocks) m.blocks[b] = inst.id;
  inst.memBlocks = [...inst.memBlocks, ...blocks];
  return { ok: true };
}

export function ackMemAdd(m: Machine, inst: Instance, mib: number): void {
  sendMessage(m, inst, HOST, 'RESOURCE', 'MEM_ADD_ACK', 32, mib, inst.id);
}
