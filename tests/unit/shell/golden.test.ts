import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { advanceTo, type Machine } from '../../../src/sim';
import { MS } from '../../../src/sim/time';
import { bare, machine, session } from './helpers';

/**
 * Golden texts: each command's output for a known machine state (the two-kernels preset at
 * seed 1, or the same hardware bare, per proposal version). The files under golden/ were read
 * and checked by hand against the real tools' formats (docs/shell.md names the sources).
 * Regenerate on purpose with UPDATE_SHELL_GOLDEN=1 npx vitest run tests/unit/shell/golden.test.ts
 * and review the diff.
 */
interface Case {
  readonly name: string;
  readonly start: () => Machine;
  /** Lines run first, 200 ms of simulated time after each, output not kept. */
  readonly prep?: readonly string[];
  /** The lines whose output is the golden text (with `ms` after each). */
  readonly lines: readonly string[];
  readonly ms?: number;
}

const gh = () => machine('github');
const v1 = () => bare('v1');
const v2 = () => bare('v2');
const V2_DB = ['kerf create db --cpus=3 --memory=1GB', 'kerf load db --kernel=/boot/vmlinuz'];
const V1_DB = [
  'echo 0 > /sys/devices/system/cpu/cpu3/online',
  'kerf create db --cpus=3 --memory=1GB',
  'kerf load db --kernel=/boot/vmlinuz',
];

const CASES: readonly Case[] = [
  // /proc
  { name: 'proc-iomem', start: gh, lines: ['cat /proc/iomem'] },
  { name: 'proc-iomem-grown', start: gh, prep: ['mklab pool grow 1G'], lines: ['cat /proc/iomem'] },
  { name: 'proc-iomem-v2', start: v2, prep: V2_DB, lines: ['cat /proc/iomem'] },
  { name: 'proc-kimage', start: gh, lines: ['cat /proc/kimage'] },
  { name: 'proc-kimage-empty', start: () => bare('github'), lines: ['cat /proc/kimage'] },
  {
    name: 'proc-multikernel-v1',
    start: v1,
    prep: V1_DB,
    lines: ['cat /proc/multikernel', 'cat /proc/kimage'],
  },
  { name: 'proc-cpuinfo', start: gh, lines: ['cat /proc/cpuinfo'] },
  { name: 'proc-misc', start: gh, lines: ['cat /proc/cmdline', 'cat /proc/version', 'ls /proc'] },
  // CPUs and hotplug
  {
    name: 'sys-cpu',
    start: gh,
    lines: [
      'ls /sys/devices/system/cpu',
      'cat /sys/devices/system/cpu/online',
      'cat /sys/devices/system/cpu/offline',
      'cat /sys/devices/system/cpu/cpu2/online',
      'cat /sys/devices/system/cpu/cpu4/online',
    ],
  },
  {
    name: 'hotplug',
    start: gh,
    lines: [
      'echo 0 > /sys/devices/system/cpu/cpu3/online',
      'cat /sys/devices/system/cpu/cpu3/online',
      'cat /sys/devices/system/cpu/online',
      'echo 1 > /sys/devices/system/cpu/cpu3/online',
      'cat /sys/devices/system/cpu/online',
      'echo 0 > /sys/devices/system/cpu/cpu4/online',
      'echo maybe > /sys/devices/system/cpu/cpu2/online',
    ],
  },
  // /sys/fs/multikernel
  {
    name: 'kernfs-github',
    start: gh,
    prep: ['mklab pool grow 1G'],
    lines: [
      'ls /sys/fs/multikernel',
      'ls /sys/fs/multikernel/instances',
      'ls /sys/fs/multikernel/instances/alpha',
      'cat /sys/fs/multikernel/instances/alpha/id',
      'cat /sys/fs/multikernel/instances/alpha/status',
      'cat /sys/fs/multikernel/instances/alpha/device_tree',
      'cat /sys/fs/multikernel/device_tree',
      'ls /sys/fs/multikernel/overlays',
      'ls /sys/fs/multikernel/overlays/tx_1',
      'cat /sys/fs/multikernel/overlays/tx_1/status /sys/fs/multikernel/overlays/tx_1/instance',
    ],
  },
  {
    name: 'kernfs-v2',
    start: v2,
    prep: V2_DB,
    lines: [
      'ls /sys/fs/multikernel /sys/fs/multikernel/instances/db',
      'cat /sys/fs/multikernel/instances/db/status',
      'cat /sys/fs/multikernel/instances/db/device_tree_source',
      'cat /sys/fs/multikernel/device_tree',
    ],
  },
  { name: 'kernfs-v1', start: v1, lines: ['ls /sys/fs', 'cat /sys/fs/multikernel/instances'] },
  {
    name: 'rmdir-overlay',
    start: gh,
    prep: ['mklab pool grow 1G'],
    lines: [
      'rmdir /sys/fs/multikernel/overlays/tx_1',
      'ls /sys/fs/multikernel/overlays',
      'rmdir /sys/fs/multikernel/instances/alpha',
    ],
  },
  // dmesg, lspci
  { name: 'dmesg', start: gh, lines: ['dmesg'] },
  {
    name: 'dmesg-panic',
    start: gh,
    prep: ['mklab panic beta'],
    lines: ['dmesg | tail -n 4', 'dmesg | grep -c beta', 'kerf console beta'],
  },
  {
    name: 'lspci',
    start: gh,
    prep: ['mklab iommu on', 'mklab lend nvme0 alpha'],
    lines: ['lspci', 'lspci -D -k'],
  },
  // kerf
  { name: 'kerf-show', start: gh, lines: ['kerf show'] },
  { name: 'kerf-show-name', start: gh, lines: ['kerf show alpha', 'kerf show zz'] },
  { name: 'kerf-show-v2', start: v2, prep: V2_DB, lines: ['kerf show'] },
  {
    name: 'kerf-dump',
    start: gh,
    lines: [
      'kerf dump',
      'kerf dump --dts',
      'kerf dump alpha --dts',
      'kerf dump zz --dts',
      'kerf dump -o /tmp/x.dtb',
    ],
  },
  {
    name: 'kerf-lifecycle',
    start: gh,
    ms: 200,
    lines: [
      'kerf init --cpus=3-7 --memory=5GB',
      'kerf create db --cpus=3 --memory=1GB',
      'kerf load db --kernel=/boot/vmlinuz-rt',
      'kerf start db',
      'cat /sys/fs/multikernel/instances/db/status',
      'kerf kill db',
      'kerf start db',
      'kerf kill --force db',
      'kerf unload db',
      'kerf delete db',
      'kerf init --cpus=4-7 --memory=5GB',
    ],
  },
  {
    name: 'kerf-hung',
    start: gh,
    prep: ['mklab lockup beta'],
    ms: 31_000,
    lines: [
      'kerf kill beta',
      'cat /sys/fs/multikernel/instances/beta/status',
      'kerf kill --force beta',
    ],
  },
  {
    // kerf 0.3.0's verbs as the real tool has them: start boots, exec runs a command inside;
    // the blocking calls answer once the machine has (the golden text shows the time waited).
    name: 'kerf-verbs',
    start: gh,
    lines: [
      'kerf --version',
      'kerf --debug kill --force alpha',
      'kerf kill --force alpha',
      'cat /sys/fs/multikernel/instances/alpha/status',
      'kerf exec alpha ls /',
      'kerf exec alpha',
      'kerf start alpha --console',
      'kerf exec -it alpha sh',
      'kerf exec --id=1 -- id',
      'kerf kill alpha',
      'kerf unload alpha',
      'kerf load alpha --kernel=/boot/vmlinuz-new',
      'cat /sys/fs/multikernel/instances/alpha/status',
      'kerf create gamma --cpus=3 --memory=1GB --numa-nodes=0',
      'kerf init --cpus=3-7 --memory=5GB --dry-run',
      'kerf create gamma --cpus=3 --memory=1GB --llc-ways=2 --help',
    ],
  },
  {
    // kerf create's placement options and both verbs' --dry-run, in kerf's words (create/main.py,
    // resources.py, init/main.py); --report is the one option the lab answers it does not model.
    name: 'kerf-create-options',
    start: gh,
    prep: ['kerf init --cpus=1-7 --memory=6GB'],
    lines: [
      'kerf create web --cpu-count=2 --memory=1GB --dry-run',
      'kerf create web --cpu-count=3 --memory=1GB --cpu-affinity=spread --dry-run',
      'kerf create web --cpu-count=2 --memory=512MB --cpu-affinity=local --numa-nodes=0 --memory-policy=interleave -v',
      'kerf create web2 --cpu-count=9 --memory=1GB --numa-nodes=0',
      'kerf create web2 --cpus=3 --memory=1GB --cpu-affinity=nearby',
      'kerf create web2 --cpus=3 --memory=1GB --memory-policy=first-touch',
      'kerf create web2 --cpus=3 --memory=1GB --numa-nodes=0,x',
      'kerf create web2 --cpus=3 --memory=1GB --memory-base=0x3zz',
      'kerf create web2 --cpus=3 --memory=1GB --memory-base=0x300000800',
      'kerf create web2 --cpus=3 --memory=1GB --memory-base=0x100000000',
      'kerf create web2 --cpus=3 --memory=1GB --memory-base=0x340000000 --dry-run',
      'kerf create web2 --cpus=3 --memory=1GB --memory-base=0x2a0001000',
      'kerf create web2 --cpus=3 --memory=1GB --memory-base=0x2a0000000 -v',
      'cat /proc/iomem',
      'kerf init --cpus=1-7 --memory=7GB --dry-run',
      'kerf init --teardown --dry-run',
      'kerf init --cpus=1-7 --memory=6GB --format=xml',
      'kerf init --cpus=1-7 --memory=6GB --report',
    ],
  },
  {
    // reboot(MULTIKERNEL) on a CPU that never claims its mailbox: -ETIMEDOUT after 1 s.
    name: 'kerf-claim-timeout',
    start: gh,
    prep: ['kerf kill --force alpha', 'mklab claim-miss 4'],
    lines: ['kerf start alpha', 'cat /sys/fs/multikernel/instances/alpha/status'],
  },
  {
    name: 'kerf-update',
    start: gh,
    ms: 200,
    lines: [
      'kerf update alpha --memory=2560MB',
      'kerf update alpha --devices=0000:04:00.0',
      'kerf update alpha --devices=',
      'kerf update alpha --cpus=4-6',
      'kerf update alpha --memory=1GB',
      'kerf update alpha',
    ],
  },
  {
    name: 'kerf-v1',
    start: v1,
    ms: 200,
    lines: [
      'kerf create db --cpus=3 --memory=1GB',
      'kerf load db --kernel=/boot/vmlinuz',
      'kerf start db',
      'echo 0 > /sys/devices/system/cpu/cpu3/online',
      'kerf start db',
      'kerf kill db',
      'kerf init --cpus=4-7 --memory=4GB',
    ],
  },
  {
    name: 'kerf-v2',
    start: v2,
    ms: 200,
    lines: [
      'kerf create db --cpus=3 --memory=1GB',
      'kerf load db --kernel=/boot/vmlinuz',
      'cat /sys/fs/multikernel/instances/db/status',
      'kerf start db',
      'cat /sys/devices/system/cpu/online',
      'kerf create big --cpus=0-2 --memory=1GB',
    ],
  },
  {
    name: 'kerf-help',
    start: gh,
    lines: ['kerf', 'kerf --help', 'kerf create --help', 'kerf --version'],
  },
  // mklab
  {
    name: 'mklab',
    start: gh,
    ms: 50,
    lines: [
      'mklab scribble alpha beta --offset=100',
      'mklab flood beta alpha --count=10',
      'mklab dma eth0 beta',
      'mklab wbinvd alpha',
      'mklab split-lock beta',
      'mklab claim-miss 3',
      'mklab pool grow 512M',
      'mklab pool rollback tx_1',
      'mklab cpu pool 3',
      'mklab cpu host 3',
      'mklab lend nvme0 alpha',
      'mklab return 0000:04:00.0',
      'mklab iommu on',
      'mklab lend eth0 beta',
      'mklab dma eth0 alpha',
      'mklab iommu off',
      'mklab send host alpha USER --bytes=128',
      'mklab workload start job --in=beta --kind=cpu --threads=1',
      'mklab workload load web 200',
      'mklab workload backend web beta',
      'mklab workload stop job',
      'mklab lockup alpha',
      'mklab panic beta',
      'mklab version v2',
      'mklab',
    ],
  },
  // the rest, and errors
  {
    name: 'builtins',
    start: gh,
    lines: [
      'help',
      'ls /',
      'ls /boot',
      'pwd',
      'cd /sys',
      'echo hello   world',
      'cat /proc/iomem | grep Pool',
      'cat /proc/cpuinfo | grep -c processor',
      'dmesg | head -n 2',
      'ls /sys/devices/system/cpu | wc -l',
      'sudo cat /proc/kimage',
      '# a comment',
      '',
      'clear',
      'history',
    ],
  },
  {
    name: 'errors',
    start: gh,
    lines: [
      'kerv show',
      'crate db',
      'create db --cpus=3 --memory=1GB',
      'kerf craete db',
      'kerf create db --cpu=3 --memory=1GB',
      'kerf create db --cpus=3',
      'kerf create --memory=1GB',
      'kerf create db --memory=1GB',
      'kerf create db --cpus=9-2 --memory=1GB',
      'kerf create db --cpus=x --memory=1GB',
      'kerf create db --cpus=4 --memory=1GB',
      'kerf create web2 --cpus=5 --memory=1GB',
      'kerf create db --cpus=99 --memory=1GB',
      'kerf create db --cpus=3 --memory=2G',
      'kerf create db --cpus=3 --memory=64GB',
      'kerf create alpha --cpus=3 --memory=1GB',
      'kerf create db --cpus=3 --memory=1GB --id=1',
      'kerf load zz --kernel=/boot/vmlinuz',
      'kerf load alpha',
      'kerf load alpha --kernel=/boot/nope',
      'kerf load alpha --kernel=/proc/iomem',
      'kerf load alpha --kernel=/boot/vmlinuz',
      'kerf start zz',
      'kerf start alpha',
      'kerf start alpha ls /',
      'kerf kill',
      'kerf kill zz',
      'kerf unload alpha',
      'kerf delete alpha',
      'kerf delete zz',
      'kerf update zz --memory=1GB',
      'kerf show alpha beta',
      'cat /proc/nope',
      'cat /sys/fs/multikernel/instances/zz/status',
      'cat /sys/fs/multikernel',
      'echo 1 > /proc/iomem',
      'echo ready > /sys/fs/multikernel/instances/alpha/status',
      'echo 7 > /sys/fs/multikernel/instances/alpha/id',
      'echo 0-3 > /sys/devices/system/cpu/online',
      'echo x > /sys/fs/multikernel/newfile',
      'echo x > /sys/fs/multikernel/device_tree',
      'echo x > /root/notes.txt',
      'echo x > /sys/devices',
      'ls /nope',
      'rmdir /sys/fs/multikernel/overlays/tx_9',
      'mklab panic zz',
      'mklab panic',
      'mklab panik alpha',
      'mklab pool grow lots',
      'mklab scribble alpha beta --offset=99999',
      'dmesg -c',
      'echo "unterminated',
      'ls | | wc',
      'cat /proc/iomem; ls',
      'kerf show > /proc/iomem',
    ],
  },
];

const DIR = path.join(path.dirname(new URL(import.meta.url).pathname), 'golden');
const UPDATE = process.env.UPDATE_SHELL_GOLDEN === '1';

function run(c: Case): string {
  const m = c.start();
  for (const line of c.prep ?? []) {
    session(m, [line]);
    advanceTo(m, m.now + 200 * MS);
  }
  return `${session(m, c.lines, c.ms ?? 0).join('\n\n')}\n`;
}

describe('shell output matches the golden texts', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const text = run(c);
      const file = path.join(DIR, `${c.name}.txt`);
      if (UPDATE || !existsSync(file)) {
        mkdirSync(DIR, { recursive: true });
        writeFileSync(file, text);
      }
      expect(text).toBe(readFileSync(file, 'utf8'));
    });
  }
  it('is deterministic: the same case twice gives the same text', () => {
    for (const c of CASES.slice(0, 6)) expect(run(c)).toBe(run(c));
  });
});
