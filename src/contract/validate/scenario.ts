import { z } from './zod';
import { INPUT_TYPES, SETUP_TYPES, type Input, type Scenario } from '../inputs';
import {
  BLOCK_MIB,
  MAX_INSTANCE_ID,
  MAX_MEMORY_MIB,
  MAX_SETUP,
  MAX_THREADS,
  MAX_WARMUP_NS,
  MAX_WORKLOAD_LOAD,
  NAME_RE,
} from '../limits';
import type { MachineConfig } from '../machine';
import type { ProblemCode } from '../problems';
import { machineConfig } from './config';
import { flag, intIn, list, rule } from './fields';
import { machineInput } from './input';
import { gated, typeGate } from './lab-input';

/**
 * A scenario (a machine config and the setup inputs applied at t = 0), checked by everything
 * the JSON alone can say: each step's shape, that it is a step a setup may hold, and its values
 * against the config (a CPU the machine has, a device it has, a name kerf accepts, a range).
 * What depends on the machine's state as the setup runs (a CPU already owned, an instance that
 * does not exist yet) is the machine's to judge: the worker boots the scenario on the side.
 */

const NOT_SETUP: Readonly<Record<string, ProblemCode>> = Object.fromEntries(
  INPUT_TYPES.filter((t) => !(SETUP_TYPES as readonly string[]).includes(t)).map((t) => [
    t,
    'not-setup',
  ]),
);

const setupStep = gated(typeGate(SETUP_TYPES, NOT_SETUP), machineInput);

type Ctx = Parameters<typeof flag>[0];
type At = (...path: PropertyKey[]) => PropertyKey[];

function range(ctx: Ctx, v: number | undefined, min: number, max: number, at: PropertyKey[]) {
  if (v !== undefined && (v < min || v > max)) flag(ctx, 'range', { value: v, min, max }, at);
}

function cpu(ctx: Ctx, c: MachineConfig, v: number, at: PropertyKey[]) {
  if (v < 0 || v >= c.cpus) flag(ctx, 'cpu-missing', { cpu: v, cpus: c.cpus }, at);
}

function device(ctx: Ctx, c: MachineConfig, pci: string, at: PropertyKey[]) {
  if (!c.devices.some((d) => d.pci === pci))
    flag(ctx, 'device-missing', { pci, list: c.devices.map((d) => d.pci).join(', ') || '—' }, at);
}

function github(ctx: Ctx, c: MachineConfig, what: string, at: PropertyKey[]) {
  if (c.version !== 'github') flag(ctx, 'needs-github', { what, version: c.version }, at);
}

function oneKernel(ctx: Ctx, c: MachineConfig, type: string, at: PropertyKey[]) {
  if (c.monolithic) flag(ctx, 'monolithic', { value: type }, at);
}

function create(
  ctx: Ctx,
  c: MachineConfig,
  i: Extract<Input, { type: 'instance.create' }>,
  at: At,
) {
  oneKernel(ctx, c, i.type, at('type'));
  if (!NAME_RE.test(i.name)) flag(ctx, 'invalid-name', { value: i.name }, at('name'));
  range(ctx, i.id, 1, MAX_INSTANCE_ID, at('id'));
  if (i.cpus.length === 0) flag(ctx, 'empty', {}, at('cpus'));
  else if (c.version === 'v1' && i.cpus.length !== 1) flag(ctx, 'v1-one-cpu', {}, at('cpus'));
  i.cpus.forEach((v, j) => {
    cpu(ctx, c, v, at('cpus', j));
    const k = i.cpus.indexOf(v);
    if (k !== j) flag(ctx, 'duplicate', { value: v }, at('cpus', j), at('cpus', k));
  });
  range(ctx, i.memMiB, 1, MAX_MEMORY_MIB, at('memMiB'));
  const devices = i.devices ?? [];
  if (devices.length > 0) github(ctx, c, 'devices', at('devices'));
  devices.forEach((pci, j) => {
    device(ctx, c, pci, at('devices', j));
    const k = devices.indexOf(pci);
    if (k !== j)
      flag(ctx, 'duplicate', { value: JSON.stringify(pci) }, at('devices', j), at('devices', k));
  });
  range(ctx, i.llcWays, 0, c.llcWays - 1, at('llcWays'));
  range(ctx, i.memBlock, 0, Math.ceil(c.memoryMiB / BLOCK_MIB) - 1, at('memBlock'));
}

function workload(
  ctx: Ctx,
  c: MachineConfig,
  i: Extract<Input, { type: 'workload.start' }>,
  at: At,
) {
  range(ctx, i.load, 0, MAX_WORKLOAD_LOAD, at('load'));
  if (i.backend !== undefined && i.kind !== 'server')
    flag(ctx, 'backend-needs-server', { kind: i.kind }, at('backend'));
  if (i.kind === 'io' && i.device === undefined) flag(ctx, 'missing', {}, at('device'));
  if (i.device !== undefined) device(ctx, c, i.device, at('device'));
  range(ctx, i.threads, 1, MAX_THREADS, at('threads'));
}

/** Each setup step against the config; problems at `setup[i]…` below the checked object. */
function setupRules(ctx: Ctx, c: MachineConfig, setup: readonly Input[]): void {
  setup.forEach((i, n) => {
    const at: At = (...path) => ['setup', n, ...path];
    switch (i.type) {
      case 'cpu.toPool':
        github(ctx, c, i.type, at('type'));
        return cpu(ctx, c, i.cpu, at('cpu'));
      case 'cpu.fromPool':
      case 'cpu.hotplug':
        return cpu(ctx, c, i.cpu, at('cpu'));
      case 'pool.grow':
        github(ctx, c, i.type, at('type'));
        oneKernel(ctx, c, i.type, at('type'));
        range(ctx, i.memMiB, 1, MAX_MEMORY_MIB, at('memMiB'));
        return range(ctx, i.numa, 0, c.numaNodes - 1, at('numa'));
      case 'instance.create':
        return create(ctx, c, i, at);
      case 'device.lend':
        github(ctx, c, i.type, at('type'));
        return device(ctx, c, i.pci, at('pci'));
      case 'workload.start':
        return workload(ctx, c, i, at);
      default:
        // iommu.set, and the names of instance.load / exec: the machine's to judge.
        return;
    }
  });
}

/** The setup's check, for an object that holds `config` and `setup` (a scenario, a file). */
export const setupChecks = rule<Scenario>((s, ctx) => setupRules(ctx, s.config, s.setup));

export const scenarioShape = {
  config: machineConfig,
  setup: list(setupStep, MAX_SETUP),
  warmupNs: z.optional(intIn(0, MAX_WARMUP_NS)),
};

export const scenario = z.strictObject(scenarioShape).check(setupChecks);
