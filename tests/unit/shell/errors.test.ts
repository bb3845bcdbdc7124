import { describe, expect, it } from 'vitest';
import { advanceTo, stateHash, type Machine } from '../../../src/sim';
import { MS } from '../../../src/sim/time';
import { execLine } from '../../../src/shell';
import { bare, errLines, machine, runLine } from './helpers';

/** A github machine with a free pool: CPUs 4–7 parked, db on 4–5 with 2 GiB of the 4 GiB. */
function withPool(): Machine {
  const m = bare('github');
  for (const line of [
    'kerf init --cpus=4-7 --memory=4GB',
    'kerf create db --cpus=4-5 --memory=2GB',
  ]) {
    expect(execLine(m, line).exit).toBe(0);
  }
  return m;
}

/** Each bad form, by what is wrong with it (issue 4, Acceptance). */
const BAD: readonly (readonly [string, () => Machine, string, RegExp])[] = [
  ['missing flag (--memory)', withPool, 'kerf create web --cpus=6', /Missing option '--memory'/],
  ['missing flag (--kernel)', withPool, 'kerf load db', /Missing option '--kernel'/],
  [
    'missing flag (--cpus)',
    withPool,
    'kerf create web --memory=1GB',
    /Either --cpus or --cpu-count/,
  ],
  ['missing name', withPool, 'kerf create --cpus=6 --memory=1GB', /Instance name is required/],
  ['unknown option', withPool, 'kerf create web --cpu=6 --memory=1GB', /No such option: --cpu/],
  [
    'unknown instance (load)',
    withPool,
    'kerf load zz --kernel=/boot/vmlinuz',
    /Instance 'zz' not found/,
  ],
  ['unknown instance (exec)', withPool, 'kerf start zz', /Instance 'zz' not found/],
  ['unknown instance (kill)', withPool, 'kerf kill --force zz', /Instance 'zz' not found/],
  ['unknown instance (delete)', withPool, 'kerf delete zz', /Instance 'zz' does not exist/],
  ['unknown instance (mklab)', withPool, 'mklab panic zz', /No such instance: zz/],
  [
    'unknown instance (file)',
    withPool,
    'cat /sys/fs/multikernel/instances/zz/status',
    /No such file/,
  ],
  [
    'CPU already owned',
    withPool,
    'kerf create web2 --cpus=5 --memory=1GB',
    /CPU 5 is already owned by instance 1 \(db\)/,
  ],
  [
    'CPU already owned (2)',
    machine,
    'kerf create web2 --cpus=6-7 --memory=512MB',
    /CPU 6 is already owned/,
  ],
  [
    'CPU not in the pool',
    withPool,
    'kerf create web2 --cpus=2 --memory=1GB',
    /CPU 2 is not in the multikernel pool/,
  ],
  ['no such CPU', withPool, 'kerf create web2 --cpus=64 --memory=1GB', /No such CPU: 64/],
  [
    'bad range --cpus=9-2',
    withPool,
    'kerf create web2 --cpus=9-2 --memory=1GB',
    /Invalid CPU range: 9 > 2/,
  ],
  ['bad CPU id', withPool, 'kerf create web2 --cpus=6,x --memory=1GB', /Invalid CPU ID 'x'/],
  ['huge range', withPool, 'kerf create web2 --cpus=6-99999999999 --memory=1GB', /No such CPU/],
  [
    'memory beyond the pool',
    withPool,
    'kerf create web2 --cpus=6 --memory=8GB',
    /memory beyond the pool/,
  ],
  [
    'memory without a unit kerf knows',
    withPool,
    'kerf create web2 --cpus=6 --memory=1G',
    /Invalid memory specification/,
  ],
  [
    'zero memory',
    withPool,
    'kerf create web2 --cpus=6 --memory=0',
    /memory must be a positive size/,
  ],
  ['name taken', withPool, 'kerf create db --cpus=6 --memory=1GB', /Instance 'db' already exists/],
  ['exec before load', withPool, 'kerf start db', /Kernel image not loaded/],
  ['kill a ready instance', withPool, 'kerf kill db', /is not running/],
  ['unload a ready instance', withPool, 'kerf unload db', /Cannot unload kernel/],
  ['delete an active instance', machine, 'kerf delete alpha', /Cannot delete instance 'alpha'/],
  [
    'load an active instance',
    machine,
    'kerf load alpha --kernel=/boot/vmlinuz',
    /Device or resource busy/,
  ],
  ['no such kernel image', withPool, 'kerf load db --kernel=/boot/vmlinuz-9', /does not exist/],
  [
    'v1: exec on an online CPU is -EBUSY',
    v1Db,
    'kerf start db',
    /\[Errno 16\] Device or resource busy/,
  ],
  ['v1: no halt', v1Active, 'kerf kill db', /Operation not supported/],
  [
    'write to read-only /proc/iomem',
    withPool,
    'echo 1 > /proc/iomem',
    /\/proc\/iomem: Permission denied/,
  ],
  ['write to read-only /proc/kimage', withPool, 'echo 1 > /proc/kimage', /Permission denied/],
  [
    'write to read-only status',
    withPool,
    'echo active > /sys/fs/multikernel/instances/db/status',
    /Permission denied/,
  ],
  [
    'write to read-only id',
    withPool,
    'echo 9 > /sys/fs/multikernel/instances/db/id',
    /Permission denied/,
  ],
  [
    'write to read-only cpu/online list',
    withPool,
    'echo 0-7 > /sys/devices/system/cpu/online',
    /Permission denied/,
  ],
  [
    'create a file in sysfs',
    withPool,
    'echo 1 > /sys/fs/multikernel/instances/db/new',
    /Permission denied/,
  ],
  ['write to a directory', withPool, 'echo 1 > /sys/fs/multikernel/instances', /Is a directory/],
  [
    'bad value for cpu online',
    withPool,
    'echo 2 > /sys/devices/system/cpu/cpu1/online',
    /write error: Invalid argument/,
  ],
  [
    'offline an instance CPU',
    withPool,
    'echo 0 > /sys/devices/system/cpu/cpu4/online',
    /Device or resource busy/,
  ],
  [
    'offline the last host CPU',
    oneHostCpu,
    'echo 0 > /sys/devices/system/cpu/cpu0/online',
    /Device or resource busy/,
  ],
  [
    'a DTB write the lab cannot parse',
    withPool,
    'echo x > /sys/fs/multikernel/device_tree',
    /Invalid argument/,
  ],
  [
    'rmdir an instance directory',
    withPool,
    'rmdir /sys/fs/multikernel/instances/db',
    /Operation not permitted/,
  ],
  ['command not found', withPool, 'kerv show', /command not found/],
  ['syntax error', withPool, 'kerf show | | wc', /syntax error/],
  ['unsupported syntax', withPool, 'kerf show && dmesg', /./],
  ['mklab usage', withPool, 'mklab scribble db', /usage: mklab scribble/],
  ['kerf update CPUs', withPool, 'kerf update db --cpus=4-6', /./],
  ['kerf init shrinking the pool', withPool, 'kerf init --cpus=4-7 --memory=1GB', /./],
  [
    'kerf init stranding a lent CPU',
    withPool,
    'kerf init --cpus=6-7 --memory=4GB',
    /CPU 4 is lent/,
  ],
  [
    'kerf init leaving the host no CPU',
    () => bare('github'),
    'kerf init --cpus=0-7 --memory=4GB',
    /keep one online CPU/,
  ],
  [
    'kerf init: pool growth beyond the host',
    () => bare('github'),
    'kerf init --cpus=4 --memory=16GB',
    /too little memory/,
  ],
];

function v1Db(): Machine {
  const m = bare('v1');
  for (const line of [
    'kerf create db --cpus=3 --memory=1GB',
    'kerf load db --kernel=/boot/vmlinuz',
  ]) {
    expect(execLine(m, line).exit).toBe(0);
  }
  advanceTo(m, m.now + 100 * MS); // the image copy finishes
  return m;
}

function v1Active(): Machine {
  const m = v1Db();
  expect(execLine(m, 'echo 0 > /sys/devices/system/cpu/cpu3/online').exit).toBe(0);
  expect(runLine(m, 'kerf start db').exit).toBe(0);
  advanceTo(m, m.now + 100 * MS); // booted
  return m;
}

function oneHostCpu(): Machine {
  const m = bare('github');
  expect(execLine(m, 'kerf init --cpus=1-7 --memory=4GB').exit).toBe(0);
  return m;
}

describe('bad lines answer with an error and leave the machine as it was', () => {
  for (const [what, start, line, message] of BAD) {
    it(`${what}: ${line}`, () => {
      const m = start();
      const before = stateHash(m);
      const r = execLine(m, line);
      expect(r.exit, 'exit status').not.toBe(0);
      const errs = errLines(r);
      expect(errs.length, 'an error on stderr').toBeGreaterThan(0);
      expect(errs.join('\n')).toMatch(message);
      expect(stateHash(m), 'state hash unchanged').toBe(before);
    });
  }
});

describe('a bug in the shell does not take the worker down', () => {
  it('an exception inside a command becomes an answer (exit 70), the same on every run', () => {
    const broken = {} as Machine;
    const r = execLine(broken, 'cat /proc/iomem');
    expect(r.exit).toBe(70);
    expect(r.output[0]).toMatchObject({ key: 'shell.internalError', err: true });
    expect(execLine(broken, 'cat /proc/iomem')).toEqual(r);
  });
});
