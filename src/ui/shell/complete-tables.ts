// The shell's commands, kerf's verbs and options, mklab's arguments and the boot files, as tab
// completion knows them. They repeat src/shell's (the shell runs in the worker, completion on the
// page): tests/unit/shell/complete.test.ts checks they match.

export const SHELL_COMMANDS = [
  'cat',
  'cd',
  'clear',
  'dmesg',
  'echo',
  'grep',
  'head',
  'help',
  'history',
  'kerf',
  'ls',
  'lspci',
  'mklab',
  'pwd',
  'rmdir',
  'tail',
  'wc',
] as const;

/** kerf's verbs and their options; a value option completes as `--name=`. */
export const KERF_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  init: [
    '--cpus=',
    '--memory=',
    '--devices=',
    '--input=',
    '--teardown',
    '--dry-run',
    '--report',
    '--format=',
    '--verbose',
  ],
  create: [
    '--id=',
    '--cpus=',
    '--cpu-count=',
    '--memory=',
    '--devices=',
    '--llc-ways=',
    '--cpu-affinity=',
    '--numa-nodes=',
    '--memory-policy=',
    '--memory-base=',
    '--dry-run',
    '--verbose',
  ],
  update: ['--cpus=', '--memory=', '--devices=', '--verbose'],
  load: ['--kernel=', '--initrd=', '--cmdline=', '--id=', '--verbose'],
  exec: ['--interactive', '--tty', '--env=', '--workdir=', '--user=', '--id='],
  start: ['--id=', '--console', '--verbose'],
  kill: ['--id=', '--force', '--verbose'],
  unload: ['--id=', '--verbose'],
  delete: ['--id=', '--verbose'],
  show: ['--verbose'],
  dump: ['--output=', '--dts'],
  console: ['--id=', '--verbose'],
};

/** mklab's commands: what each argument is, for completion. */
export type Arg =
  'kernel' | 'device' | 'cpu' | 'onoff' | 'version' | 'category' | 'tx' | 'workload' | 'none';
export const MKLAB_ARGS: Readonly<Record<string, readonly Arg[]>> = {
  panic: ['kernel'],
  lockup: ['kernel'],
  scribble: ['kernel', 'kernel'],
  flood: ['kernel', 'kernel'],
  dma: ['device', 'kernel'],
  wbinvd: ['kernel'],
  'split-lock': ['kernel'],
  'claim-miss': ['cpu'],
  'pool grow': ['none'],
  'pool rollback': ['tx'],
  'cpu pool': ['cpu'],
  'cpu host': ['cpu'],
  lend: ['device', 'kernel'],
  return: ['device'],
  iommu: ['onoff'],
  version: ['version'],
  send: ['kernel', 'kernel', 'category'],
  'workload start': ['none'],
  'workload stop': ['workload'],
  'workload load': ['workload', 'none'],
  'workload backend': ['workload', 'kernel'],
};
export const MKLAB_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  scribble: ['--offset=', '--bytes='],
  flood: ['--count=', '--interval=', '--raw'],
  dma: ['--bytes='],
  'pool grow': ['--numa='],
  send: ['--subtype=', '--bytes='],
  'workload start': ['--in=', '--kind=', '--load=', '--backend=', '--device=', '--threads='],
};
export const MKLAB_GROUPS = ['pool', 'cpu', 'workload'];

export const BOOT_FILES = [
  'initrd.img',
  'vmlinuz',
  'vmlinuz-6.18.0-mk',
  'vmlinuz-minimal',
  'vmlinuz-new',
  'vmlinuz-rt',
];
