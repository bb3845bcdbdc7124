import { HOST, type Input, type Machine } from '../sim';
import { BOOT_FILES, spawns, statusOf } from './model';
import { cpuList } from './text';
import { instanceDts, rootDts } from './device-tree';
import { cmdline, cpuinfo, iomem, kimage, procMultikernel, procVersion } from './proc-files';

/** The errno names a file operation can fail with, and what strerror() says for each. */
export const STRERROR = {
  EPERM: 'Operation not permitted',
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EBUSY: 'Device or resource busy',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  EINVAL: 'Invalid argument',
  ENOSPC: 'No space left on device',
  EROFS: 'Read-only file system',
  ENOMEM: 'Cannot allocate memory',
  EOPNOTSUPP: 'Operation not supported',
  ETIMEDOUT: 'Connection timed out',
} as const;
export type ErrName = keyof typeof STRERROR;

/** What writing to a file does: a machine input, nothing (/dev/null), or an error. */
export type WriteOutcome = { readonly input: Input } | { readonly errno: ErrName } | 'ok';

export interface DirNode {
  readonly kind: 'dir';
  readonly entries: ReadonlyMap<string, FsNode>;
  /** rmdir on an entry of this directory (overlays/tx_N rolls the transaction back). */
  readonly rmdir?: (name: string) => WriteOutcome;
}
export interface FileNode {
  readonly kind: 'file';
  /** Text lines; 'binary' for a blob; null when the file is write-only. */
  readonly read: (() => string[]) | 'binary' | null;
  /** Absent: read-only (opening it for writing is "Permission denied", even for root). */
  readonly write?: (data: string) => WriteOutcome;
  /** A binary device tree the lab can show decoded. */
  readonly dts?: () => string[];
}
export type FsNode = DirNode | FileNode;

const dir = (entries: [string, FsNode][], rmdir?: DirNode['rmdir']): DirNode => ({
  kind: 'dir',
  entries: new Map(entries),
  ...(rmdir ? { rmdir } : {}),
});
const file = (read: FileNode['read'], write?: FileNode['write']): FileNode => ({
  kind: 'file',
  read,
  ...(write ? { write } : {}),
});
const text = (s: string) => file(() => [s]);

/** kstrtobool, as the CPU `online` attribute parses what is written to it. */
function kstrtobool(s: string): boolean | null {
  const v = s.trim().toLowerCase();
  if (['1', 'y', 'yes', 'on', 't', 'true'].includes(v)) return true;
  if (['0', 'n', 'no', 'off', 'f', 'false'].includes(v)) return false;
  return null;
}

function cpuDir(m: Machine): DirNode {
  const entries: [string, FsNode][] = m.cpus.map((c) => [
    `cpu${c.id}`,
    dir([
      [
        'online',
        file(
          () => [c.owner === HOST && c.state === 'online' ? '1' : '0'],
          (data) => {
            const on = kstrtobool(data);
            return on === null
              ? { errno: 'EINVAL' }
              : { input: { type: 'cpu.hotplug', cpu: c.id, online: on } };
          },
        ),
      ],
    ]),
  ]);
  const online = m.cpus.filter((c) => c.owner === HOST && c.state === 'online').map((c) => c.id);
  const offline = m.cpus.filter((c) => !online.includes(c.id)).map((c) => c.id);
  const all = cpuList(m.cpus.map((c) => c.id));
  entries.push(
    ['online', text(cpuList(online))],
    ['offline', text(cpuList(offline))],
    ['possible', text(all)],
    ['present', text(all)],
  );
  return dir(entries);
}

function multikernelDir(m: Machine): DirNode {
  const github = m.version === 'github';
  const instances = spawns(m).map((inst): [string, FsNode] => {
    const dts = () => instanceDts(m, inst);
    const tree: FileNode = github
      ? { kind: 'file', read: 'binary', dts }
      : { kind: 'file', read: dts };
    return [
      inst.name,
      dir([
        ['id', text(String(inst.id))],
        ['status', file(() => [statusOf(m, inst)])],
        [github ? 'device_tree' : 'device_tree_source', tree],
      ]),
    ];
  });
  const entries: [string, FsNode][] = [
    [
      'device_tree',
      github
        ? {
            kind: 'file',
            read: 'binary',
            dts: () => rootDts(m),
            write: () => ({ errno: 'EINVAL' }),
          }
        : file(null, () => ({ errno: 'EINVAL' })),
    ],
    ['instances', dir(instances)],
  ];
  if (github) {
    const txs = m.poolTx.map((p): [string, FsNode] => [
      `tx_${p.tx}`,
      dir([
        ['id', text(String(p.tx))],
        ['status', text('applied')],
        ['instance', text('/resources')],
        ['resources', file(() => [])],
        ['dtbo', file('binary')],
      ]),
    ]);
    entries.push([
      'overlays',
      dir([['new', file(null, () => ({ errno: 'EINVAL' }))], ...txs], (name) => {
        const match = /^tx_(\d+)$/.exec(name);
        if (!match) return { errno: 'EPERM' };
        return { input: { type: 'pool.rollback', tx: Number(match[1]) } };
      }),
    ]);
  }
  return dir(entries, () => ({ errno: 'EPERM' }));
}

/** The lab's file tree, built from the machine's state (small: rebuilt for each line). */
export function rootDir(m: Machine): DirNode {
  const github = m.version === 'github';
  const proc: [string, FsNode][] = [
    ['cmdline', file(() => cmdline(m))],
    ['cpuinfo', file(() => cpuinfo(m))],
    ['iomem', file(() => iomem(m))],
    m.version === 'v1'
      ? ['multikernel', file(() => procMultikernel(m))]
      : ['kimage', file(() => kimage(m))],
    ['version', file(() => procVersion())],
  ];
  const fs: [string, FsNode][] =
    m.version === 'v1' || m.config.monolithic ? [] : [['multikernel', multikernelDir(m)]];
  const devEntries: [string, FsNode][] = [
    [
      'null',
      file(
        () => [],
        () => 'ok',
      ),
    ],
  ];
  if (github) devEntries.push(['mktty', file(null)]);
  return dir([
    ['boot', dir(BOOT_FILES.map((f) => [f, file('binary')]))],
    ['dev', dir(devEntries)],
    ['proc', dir(proc)],
    ['root', dir([])],
    [
      'sys',
      dir([
        ['devices', dir([['system', dir([['cpu', cpuDir(m)]])]])],
        ['fs', dir(fs)],
      ]),
    ],
  ]);
}

/** The lab shell's working directory: paths that do not start with "/" are relative to it. */
export const HOME = '/root';

/** Absolute, normalised path parts ("." and ".." resolved); `dirOnly` when it ended in "/". */
export function splitPath(path: string): { parts: string[]; dirOnly: boolean } {
  const abs = path.startsWith('/') ? path : `${HOME}/${path}`;
  const parts: string[] = [];
  for (const p of abs.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return { parts, dirOnly: path.endsWith('/') && path.length > 1 };
}

export type Resolved =
  | { readonly node: FsNode; readonly parent: DirNode | null; readonly name: string }
  | {
      readonly errno: 'ENOENT' | 'ENOTDIR';
      readonly parent: DirNode | null;
      readonly name: string;
    };

export function resolve(m: Machine, path: string): Resolved {
  const { parts, dirOnly } = splitPath(path);
  let node: FsNode = rootDir(m);
  let parent: DirNode | null = null;
  for (let i = 0; i < parts.length; i++) {
    const name = parts[i] as string;
    if (node.kind !== 'dir') return { errno: 'ENOTDIR', parent, name };
    const next = node.entries.get(name);
    if (!next) return { errno: 'ENOENT', parent: i === parts.length - 1 ? node : null, name };
    parent = node;
    node = next;
  }
  if (dirOnly && node.kind !== 'dir') return { errno: 'ENOTDIR', parent, name: parts.at(-1) ?? '' };
  return { node, parent, name: parts.at(-1) ?? '' };
}

/** Is this path under a kernel filesystem (where files cannot be created)? */
export function inKernelFs(path: string): boolean {
  const [top] = splitPath(path).parts;
  return top === 'sys' || top === 'proc';
}
