import { z } from './zod';
import { MAX_FIELD_CHARS, MAX_INPUT_CPUS, MAX_INPUT_NAMES } from '../limits';
import {
  IMAGE_KINDS,
  MACHINE_WIDE_OPS,
  MSG_CATEGORIES,
  PROPOSAL_VERSIONS,
  WORKLOAD_KINDS,
} from '../machine';

/**
 * A machine input's shape (`Input`): what the simulator checks before anything touches the
 * machine, for every input from the UI, the shell, links and files. What an input does to the
 * machine (a CPU already owned, a name that does not exist) is the machine's to judge.
 */

/** The word the sim's messages use for each kind of field ("… is not a valid ints"). */
const KIND = new Map<z.core.$ZodType, string>();
function kind<T extends z.core.$ZodType>(name: string, schema: T): T {
  KIND.set(schema, name);
  return schema;
}

const str = kind('str', z.string().check(z.minLength(1), z.maxLength(MAX_FIELD_CHARS)));
const int = kind('int', z.int());
const bool = kind('bool', z.boolean());
const ints = kind('ints', z.array(z.int()).check(z.maxLength(MAX_INPUT_CPUS)));
const strs = kind('strs', z.array(z.string()).check(z.maxLength(MAX_INPUT_NAMES)));
const image = kind(
  'image',
  z.object({ name: z.string(), version: z.string(), kind: z.enum(IMAGE_KINDS) }),
);
const version = kind('version', z.enum(PROPOSAL_VERSIONS));
const category = kind('category', z.enum(MSG_CATEGORIES));
const wlkind = kind('wlkind', z.enum(WORKLOAD_KINDS));
const op = kind('op', z.enum(MACHINE_WIDE_OPS));
const opt = z.optional;

const of = <T extends string, S extends z.core.$ZodLooseShape>(type: T, shape: S) =>
  z.strictObject({ type: z.literal(type), ...shape });
const fault = <K extends string, S extends z.core.$ZodLooseShape>(k: K, shape: S) =>
  z.strictObject({ type: z.literal('fault'), kind: z.literal(k), ...shape });

// Fields in the order the sim reports them: the first one wrong is named.
const FAULTS = [
  fault('panic', { target: str }),
  fault('lockup', { target: str }),
  fault('scribble', { from: str, target: str, offsetMiB: opt(int), bytes: opt(int) }),
  fault('dma', { device: str, target: str, bytes: opt(int) }),
  fault('ipi-flood', {
    from: str,
    target: str,
    count: opt(int),
    intervalNs: opt(int),
    raw: opt(bool),
  }),
  fault('machine-wide', { from: str, op: opt(op) }),
  fault('claim-miss', { cpu: int }),
] as const;

const INPUTS = [
  of('instance.create', {
    name: str,
    cpus: ints,
    memMiB: int,
    devices: opt(strs),
    id: opt(int),
    llcWays: opt(int),
    memBlock: opt(int),
  }),
  of('instance.load', { name: str, image: opt(image) }),
  of('instance.exec', { name: str }),
  of('instance.kill', { name: str, force: opt(bool) }),
  of('instance.unload', { name: str }),
  of('instance.delete', { name: str }),
  of('instance.memAdd', { name: str, memMiB: int }),
  of('cpu.hotplug', { cpu: int, online: bool }),
  of('cpu.toPool', { cpu: int }),
  of('cpu.fromPool', { cpu: int }),
  of('pool.grow', { memMiB: int, numa: opt(int) }),
  of('pool.rollback', { tx: int }),
  of('device.lend', { pci: str, name: str }),
  of('device.return', { pci: str }),
  of('iommu.set', { on: bool }),
  of('version.set', { version }),
  of('msg.send', { from: str, to: str, category, subtype: opt(str), bytes: opt(int) }),
  of('workload.start', {
    name: str,
    kernel: str,
    kind: wlkind,
    load: opt(int),
    backend: opt(str),
    device: opt(str),
    threads: opt(int),
  }),
  of('workload.stop', { name: str }),
  of('workload.load', { name: str, load: int }),
  of('service.redirect', { name: str, backend: str }),
] as const;

const faultInput = z.discriminatedUnion('kind', [...FAULTS]);
/** Any machine input (faults by their `kind`). */
export const machineInput = z.discriminatedUnion('type', [...INPUTS, faultInput]);

type Shape = Readonly<Record<string, z.core.$ZodType>>;
const literal = (s: z.core.$ZodType): string =>
  String((s._zod.def as unknown as { values: unknown[] }).values[0]);
const BY_TYPE = new Map<string, Shape>(INPUTS.map((s) => [literal(s.shape.type), s.shape]));
const BY_FAULT = new Map<string, Shape>(FAULTS.map((s) => [literal(s.shape.kind), s.shape]));
const SCHEMA = new Map<Shape, z.ZodMiniType>([
  ...INPUTS.map((s) => [s.shape, s] as const),
  ...FAULTS.map((s) => [s.shape, s] as const),
]);

function kindOf(schema: z.core.$ZodType | undefined): string {
  if (!schema) return 'field';
  const def = schema._zod.def as { type: string; innerType?: z.core.$ZodType };
  return KIND.get(def.type === 'optional' && def.innerType ? def.innerType : schema) ?? 'field';
}

/**
 * Why the simulator refuses `x` as an input, in its own words (shell users and the shell's
 * golden texts read them), or null when `x` is a well-formed input.
 */
export function inputRefusal(x: unknown): string | null {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return 'an input must be an object';
  const o = x as Record<string, unknown>;
  if (typeof o.type !== 'string') return 'an input needs a "type"';
  let shape: Shape | undefined;
  let where: string;
  if (o.type === 'fault') {
    shape = typeof o.kind === 'string' ? BY_FAULT.get(o.kind) : undefined;
    if (!shape) return `fault: unknown kind "${String(o.kind)}"`;
    where = `fault ${String(o.kind)}`;
  } else {
    shape = BY_TYPE.get(o.type);
    if (!shape) return `unknown input type "${o.type}"`;
    if ('kind' in o && o.type !== 'workload.start') return `${o.type}: unknown field "kind"`;
    where = o.type;
  }
  const r = (SCHEMA.get(shape) as z.ZodMiniType).safeParse(x);
  if (r.success) return null;
  const issue = r.error.issues[0] as z.core.$ZodIssue;
  if (issue.code === 'unrecognized_keys') return `${where}: unknown field "${issue.keys[0]}"`;
  const key = String(issue.path[0]);
  if (o[key] === undefined) return `${where}: missing field "${key}"`;
  return `${where}: field "${key}" is not a valid ${kindOf(shape[key])}`;
}
