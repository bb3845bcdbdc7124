import type { Machine } from '../sim';
import type { Ctx } from './ctx';
import { consoleLog } from './kernel-commands';
import { statusOf } from './model';
import type { OutLine, ShellWait } from './types';

// The blocking system calls kerf makes, answered when the machine answers: kexec_file_load
// returns once the image is in place; reboot(MULTIKERNEL) once the boot CPU has claimed its
// mailbox (the host polls it for up to 1 s, spawn.c; the lab answers at the claim itself, at most
// one 100 µs poll early); reboot(MULTIKERNEL_HALT) once
// SHUTDOWN_ACK came, or -ETIMEDOUT after 30 s (core.c, multikernel_halt_by_id).

/** What a terminal sends for Ctrl-C (ETX): the panel sends it as a line of its own. */
export const INTERRUPT = '\u0003';

export interface Settled {
  readonly output: readonly OutLine[];
  readonly exit: number;
}

/** Leave the line blocked in `call` (the engine finishes it): nothing more is printed now. */
export function block(ctx: Ctx, w: Omit<ShellWait, 'since'>): number {
  ctx.wait = { ...w, since: ctx.m.now };
  return 0;
}

const ETIMEDOUT = 'Error: reboot syscall failed: [Errno 110] Connection timed out';

/** The call's answer once the machine has given it; null while the call still waits. */
export function settleWait(m: Machine, w: ShellWait): Settled | null {
  const inst = m.instances.get(w.id);
  // A duration: the page writes it in its reader's language (src/ui/shell/text.ts).
  const waitedNs = m.now - w.since;
  const out: OutLine[] = [];
  const fail = (key: string, params: Record<string, string | number>, text?: string): Settled => {
    if (text) out.push({ text, err: true });
    out.push({ key, params: { waitedNs, name: w.name, ...params }, err: true });
    return { output: out, exit: 1 };
  };
  if (!inst || inst.name !== w.name) return fail('shell.wait.gone', { state: 'deleted' });
  const state = statusOf(m, inst);
  const ok = (text: string, key: string): Settled => {
    out.push({ text }, { key, params: { waitedNs, name: w.name, cpu: w.cpu } });
    return { output: out, exit: 0 };
  };
  switch (w.call) {
    case 'load':
      if (inst.pending?.op === 'load') return null;
      if (inst.state === 'loaded') return ok('✓ Kernel loaded successfully', 'shell.wait.loaded');
      return fail('shell.wait.gone', { state });
    case 'start': {
      // reboot(MULTIKERNEL) returns once the boot CPU has claimed its mailbox: the kernel then
      // boots on its own. With --console kerf attaches to the console, which shows that boot:
      // the lab prints the log once the instance is active.
      const claimed = inst.pending?.op === 'exec' && inst.pending.claimed && !w.console;
      if (inst.pending?.op === 'exec' && !claimed) return null;
      if (inst.state === 'active' || claimed) {
        const r = ok('✓ Boot command executed successfully', 'shell.wait.started');
        if (w.console) {
          out.push({ key: 'shell.kerf.console', params: { name: w.name } });
          out.push(...consoleLog(inst).map((text) => ({ text })));
        }
        return r;
      }
      if (inst.state === 'failed') {
        return fail('shell.wait.claimTimeout', { cpu: w.cpu }, ETIMEDOUT);
      }
      return fail('shell.wait.gone', { state });
    }
    case 'kill':
      if (inst.pending?.op === 'kill') return null;
      if (inst.state === 'loaded') {
        return ok('✓ Shutdown command executed successfully', 'shell.wait.halted');
      }
      if (inst.state === 'active' && !inst.pending) {
        return fail('shell.wait.ackTimeout', { id: w.id }, ETIMEDOUT);
      }
      return fail('shell.wait.gone', { state });
    case 'kill-force':
      if (inst.pending?.op === 'force') return null;
      if (inst.state === 'loaded') {
        return ok('✓ Shutdown command executed successfully', 'shell.wait.forced');
      }
      return fail('shell.wait.gone', { state });
  }
}

/** Ctrl-C while the call waits: the prompt comes back, the kernel carries on (said per call). */
export function interruptWait(m: Machine, w: ShellWait): Settled {
  return {
    output: [
      { text: '^C' },
      {
        key: `shell.wait.interrupted.${w.call}`,
        params: { waitedNs: m.now - w.since, name: w.name, cpu: w.cpu, id: w.id },
        err: true,
      },
    ],
    exit: 130,
  };
}
