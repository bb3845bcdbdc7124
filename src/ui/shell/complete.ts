import type { MachineView } from '../../contract';
import {
  BOOT_FILES,
  KERF_OPTIONS,
  MKLAB_ARGS,
  MKLAB_GROUPS,
  MKLAB_OPTIONS,
  SHELL_COMMANDS,
  type Arg,
} from './complete-tables';

// Tab completion for the shell panel. It runs on the page, from the MachineView the frames
// bring (the shell's own code runs in the worker), so its tables (complete-tables.ts) repeat the shell's:
// tests/unit/shell/complete.test.ts checks they match src/shell's commands, verbs, options and
// file tree.

const PATH_COMMANDS = new Set(['cat', 'ls', 'rmdir', 'grep', 'head', 'tail', 'wc']);

export interface Entry {
  readonly name: string;
  readonly dir: boolean;
}

/** A table lookup that ignores Object.prototype ("toString" is typed, not a verb). */
const own = <V>(table: Readonly<Record<string, V>>, key: string): V | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;

const spawnNames = (v: MachineView) => v.instances.filter((i) => i.id !== 0).map((i) => i.name);

/** kerf's device names (eth0, nvme0, ttyS0), numbered by PCI id within a kind, as src/shell does. */
export function deviceNames(v: MachineView): Map<string, string> {
  const stems: Record<string, string> = { nic: 'eth', nvme: 'nvme', serial: 'ttyS' };
  const names = new Map<string, string>();
  for (const kind of ['nic', 'nvme', 'serial']) {
    v.devices
      .filter((d) => d.kind === kind)
      .map((d) => d.pci)
      .sort()
      .forEach((pci, i) => names.set(pci, `${stems[kind]}${i}`));
  }
  return names;
}

/** The shell's file tree as the view shows it: the entries of directory `path`, or null. */
export function listDir(v: MachineView, path: string): Entry[] | null {
  const parts = path.split('/').filter(Boolean);
  const d = (name: string): Entry => ({ name, dir: true });
  const f = (name: string): Entry => ({ name, dir: false });
  const github = v.version === 'github';
  const key = parts.join('/');
  if (key === '') return ['boot', 'dev', 'proc', 'root', 'sys'].map(d);
  if (key === 'boot') return BOOT_FILES.map(f);
  if (key === 'dev') return (github ? ['mktty', 'null'] : ['null']).map(f);
  if (key === 'proc') {
    return ['cmdline', 'cpuinfo', 'iomem', v.version === 'v1' ? 'multikernel' : 'kimage', 'version']
      .sort()
      .map(f);
  }
  if (key === 'root') return [];
  if (key === 'sys') return ['devices', 'fs'].map(d);
  if (key === 'sys/devices') return [d('system')];
  if (key === 'sys/devices/system') return [d('cpu')];
  if (key === 'sys/devices/system/cpu') {
    return [
      ...v.cpus.map((c) => d(`cpu${c.id}`)),
      ...['offline', 'online', 'possible', 'present'].map(f),
    ];
  }
  const cpu = /^sys\/devices\/system\/cpu\/cpu(\d+)$/.exec(key);
  if (cpu) return v.cpus.some((c) => c.id === Number(cpu[1])) ? [f('online')] : null;
  const mk = v.version !== 'v1' && !v.monolithic;
  if (key === 'sys/fs') return mk ? [d('multikernel')] : [];
  if (!mk) return null;
  if (key === 'sys/fs/multikernel') {
    return [f('device_tree'), d('instances'), ...(github ? [d('overlays')] : [])];
  }
  if (key === 'sys/fs/multikernel/instances') return spawnNames(v).sort().map(d);
  const inst = /^sys\/fs\/multikernel\/instances\/([^/]+)$/.exec(key);
  if (inst) {
    if (!spawnNames(v).includes(inst[1] as string)) return null;
    return [github ? 'device_tree' : 'device_tree_source', 'id', 'status'].map(f);
  }
  if (!github) return null;
  if (key === 'sys/fs/multikernel/overlays') {
    return [f('new'), ...v.pool.overlays.map((tx) => d(`tx_${tx}`))];
  }
  const tx = /^sys\/fs\/multikernel\/overlays\/tx_(\d+)$/.exec(key);
  if (tx && v.pool.overlays.includes(Number(tx[1]))) {
    return ['dtbo', 'id', 'instance', 'resources', 'status'].map(f);
  }
  return null;
}

export interface Completion {
  /** The line after completion (unchanged when there was nothing to add). */
  readonly line: string;
  /** The candidates, when more than one fits (shown as a list, as bash does on a second Tab). */
  readonly options: readonly string[];
}

function commonPrefix(xs: readonly string[]): string {
  if (xs.length === 0) return '';
  let p = xs[0] as string;
  for (const x of xs) while (!x.startsWith(p)) p = p.slice(0, -1);
  return p;
}

function pathCandidates(v: MachineView, partial: string): string[] {
  const p = partial === '' ? '/' : partial;
  if (!p.startsWith('/')) return [];
  const at = p.lastIndexOf('/');
  const dir = p.slice(0, at + 1);
  const base = p.slice(at + 1);
  const entries = listDir(v, dir) ?? [];
  return entries
    .filter((e) => e.name.startsWith(base))
    .map((e) => `${dir}${e.name}${e.dir ? '/' : ''}`);
}

function argCandidates(v: MachineView, arg: Arg | undefined): string[] {
  switch (arg) {
    case 'kernel':
      return v.instances.map((i) => i.name);
    case 'device':
      return [...deviceNames(v).values(), ...v.devices.map((d) => d.pci)];
    case 'cpu':
      return v.cpus.map((c) => String(c.id));
    case 'onoff':
      return ['on', 'off'];
    case 'version':
      return ['v1', 'v2', 'github'];
    case 'category':
      return ['IO', 'RESOURCE', 'SYSTEM', 'USER', 'NETWORK'];
    case 'tx':
      return v.pool.overlays.map((tx) => `tx_${tx}`);
    case 'workload':
      return v.workloads.filter((w) => w.running).map((w) => w.name);
    default:
      return [];
  }
}

/** Candidates for the last word of `words` (earlier words give the context). */
function candidates(v: MachineView, words: readonly string[], partial: string): string[] {
  let w = [...words];
  while (w[0] === 'sudo') w = w.slice(1);
  const prev = w[w.length - 1];
  if (prev === '>' || prev === '>>' || partial.startsWith('/')) return pathCandidates(v, partial);
  if (w.length === 0) return [...SHELL_COMMANDS];
  const cmd = w[0] as string;
  if (cmd === 'kerf') {
    if (w.length === 1) return [...Object.keys(KERF_OPTIONS), '--help', '--version'];
    const opts = own(KERF_OPTIONS, w[1] as string) ?? [];
    const eq = partial.indexOf('=');
    if (partial.startsWith('--') && eq > 0) {
      const flag = partial.slice(0, eq + 1);
      const value = partial.slice(eq + 1);
      const values =
        flag === '--kernel=' || flag === '--initrd='
          ? pathCandidates(v, value === '' ? '/boot/' : value)
          : flag === '--devices='
            ? [...deviceNames(v).values()]
            : [];
      return values.map((x) => flag + x);
    }
    if (partial.startsWith('-')) return [...opts, '--help'];
    return w[1] === 'init' ? [] : spawnNames(v);
  }
  if (cmd === 'mklab') {
    if (w.length === 1) {
      const firsts = Object.keys(MKLAB_ARGS).map((k) => k.split(' ')[0] as string);
      return [...new Set([...firsts, 'help'])];
    }
    const group = MKLAB_GROUPS.includes(w[1] as string);
    if (group && w.length === 2) {
      return Object.keys(MKLAB_ARGS)
        .filter((k) => k.startsWith(`${w[1]} `))
        .map((k) => k.split(' ')[1] as string);
    }
    const sub = group ? `${w[1]} ${w[2]}` : (w[1] as string);
    if (partial.startsWith('-')) return [...(own(MKLAB_OPTIONS, sub) ?? [])];
    const positional = w.slice(group ? 3 : 2).filter((x) => !x.startsWith('-'));
    return argCandidates(v, own(MKLAB_ARGS, sub)?.[positional.length]);
  }
  if (cmd === 'help') return w.length === 1 ? ['kerf', 'mklab'] : [];
  if (PATH_COMMANDS.has(cmd) || cmd === 'echo') return pathCandidates(v, partial);
  return [];
}

/** Complete the word before the end of `line` from the machine `v` shows. */
export function complete(line: string, v: MachineView | null): Completion {
  if (!v) return { line, options: [] };
  const endsInSpace = /\s$/.test(line) || line === '';
  const words = line.trim() === '' ? [] : line.trim().split(/\s+/);
  const partial = endsInSpace ? '' : (words.pop() ?? '');
  // `echo 0 >/sys/…`: the redirection sticks to its path.
  const redirect = /^>>?/.exec(partial);
  const word = redirect ? partial.slice(redirect[0].length) : partial;
  const context = redirect ? [...words, redirect[0]] : words;
  const found = [...new Set(candidates(v, context, word))].filter((c) => c.startsWith(word)).sort();
  const head = line.slice(0, line.length - word.length);
  if (found.length === 0) return { line, options: [] };
  if (found.length === 1) {
    const only = found[0] as string;
    const open = only.endsWith('/') || only.endsWith('=');
    return { line: head + only + (open ? '' : ' '), options: [] };
  }
  const prefix = commonPrefix(found);
  if (prefix.length > word.length) return { line: head + prefix, options: [] };
  return { line, options: found };
}
