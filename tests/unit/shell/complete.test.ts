import { describe, expect, it } from 'vitest';
import { createMachine, preset, snapshot, type Machine } from '../../../src/sim';
import {
  BOOT_FILES,
  COMMAND_NAMES,
  KERF_VERBS,
  MKLAB_SUBS,
  deviceNames,
  execLine,
  rootDir,
  type FsNode,
} from '../../../src/shell';
import { complete, deviceNames as uiDeviceNames, listDir } from '../../../src/ui/shell/complete';
import {
  BOOT_FILES as UI_BOOT_FILES,
  KERF_OPTIONS,
  MKLAB_ARGS,
  MKLAB_OPTIONS,
  SHELL_COMMANDS,
} from '../../../src/ui/shell/complete-tables';
import { lineText, transcriptText } from '../../../src/ui/shell/text';
import { loadLocale, translate, type MessageKey } from '../../../src/i18n';
import { bare, machine } from './helpers';

const optionForm = (o: { long: string; flag?: true }) => (o.flag ? o.long : `${o.long}=`);

describe("the panel's completion tables match the shell", () => {
  it('commands, kerf verbs and options, mklab commands and options, /boot, device names', () => {
    expect([...SHELL_COMMANDS].sort()).toEqual([...COMMAND_NAMES].sort());
    expect(Object.keys(KERF_OPTIONS).sort()).toEqual(Object.keys(KERF_VERBS).sort());
    for (const [verb, spec] of Object.entries(KERF_VERBS)) {
      expect(KERF_OPTIONS[verb], verb).toEqual(spec.opts.map(optionForm));
    }
    expect(Object.keys(MKLAB_ARGS).sort()).toEqual(Object.keys(MKLAB_SUBS).sort());
    for (const [sub, spec] of Object.entries(MKLAB_SUBS)) {
      expect(MKLAB_ARGS[sub]?.length, sub).toBe(spec.args);
      expect(MKLAB_OPTIONS[sub] ?? [], sub).toEqual(spec.opts.map(optionForm));
    }
    expect(UI_BOOT_FILES).toEqual(BOOT_FILES);
    const m = machine();
    expect([...uiDeviceNames(snapshot(m))]).toEqual([...deviceNames(m)]);
  });

  function machines(): [string, Machine][] {
    const grown = machine();
    execLine(grown, 'mklab pool grow 1G');
    const v2 = bare('v2');
    execLine(v2, 'kerf create db --cpus=3 --memory=1GB');
    const v1 = bare('v1');
    execLine(v1, 'kerf create db --cpus=3 --memory=1GB');
    return [
      ['github, two kernels, a grown pool', grown],
      ['v2 with db', v2],
      ['v1 with db', v1],
      ['monolithic', createMachine(preset('monolithic'), 1)],
      ['datacenter', createMachine(preset('datacenter'), 1)],
    ];
  }

  it("the panel's file tree (from the view) is the shell's (from the machine)", () => {
    for (const [what, m] of machines()) {
      const view = snapshot(m);
      const walk = (node: FsNode, path: string) => {
        if (node.kind !== 'dir') return;
        const shellSide = [...node.entries.entries()]
          .map(([name, n]) => ({ name, dir: n.kind === 'dir' }))
          .sort((a, b) => (a.name < b.name ? -1 : 1));
        const uiSide = [...(listDir(view, path) ?? [])].sort((a, b) => (a.name < b.name ? -1 : 1));
        expect(uiSide, `${what}: ${path}`).toEqual(shellSide);
        for (const [name, n] of node.entries) walk(n, `${path}${name}/`);
      };
      walk(rootDir(m), '/');
      expect(listDir(view, '/sys/fs/multikernel/instances/zz')).toBeNull();
    }
  });
});

describe('Tab completion', () => {
  const view = snapshot(machine());
  const cases: [string, string][] = [
    ['ker', 'kerf '],
    ['kerf ex', 'kerf exec '],
    ['kerf sta', 'kerf start '],
    ['kerf start al', 'kerf start alpha '],
    ['kerf show b', 'kerf show beta '],
    ['kerf create db --me', 'kerf create db --memory'],
    ['kerf create db --memory=2GB --ll', 'kerf create db --memory=2GB --llc-ways='],
    ['kerf kill --f', 'kerf kill --force '],
    ['kerf load alpha --kernel=/boot/vmlinuz-r', 'kerf load alpha --kernel=/boot/vmlinuz-rt '],
    ['kerf load alpha --kernel=', 'kerf load alpha --kernel=/boot/'],
    [
      'kerf create db --cpus=4 --memory=1GB --devices=nv',
      'kerf create db --cpus=4 --memory=1GB --devices=nvme0 ',
    ],
    ['cat /proc/io', 'cat /proc/iomem '],
    ['cat /proc/ki', 'cat /proc/kimage '],
    ['cat /sys/fs/multikernel/instances/b', 'cat /sys/fs/multikernel/instances/beta/'],
    ['cat /sys/fs/multikernel/instances/beta/st', 'cat /sys/fs/multikernel/instances/beta/status '],
    ['echo 0 > /sys/devices/system/cpu/cpu3/on', 'echo 0 > /sys/devices/system/cpu/cpu3/online '],
    ['echo 0 >/sys/dev', 'echo 0 >/sys/devices/'],
    ['ls /sys/f', 'ls /sys/fs/'],
    ['sudo kerf sh', 'sudo kerf show '],
    ['mklab pan', 'mklab panic '],
    ['mklab panic b', 'mklab panic beta '],
    ['mklab pool g', 'mklab pool grow '],
    ['mklab dma et', 'mklab dma eth0 '],
    ['mklab iommu o', 'mklab iommu o'],
    ['mklab version g', 'mklab version github '],
    ['help k', 'help kerf '],
  ];
  for (const [line, want] of cases) {
    it(`${JSON.stringify(line)} → ${JSON.stringify(want)}`, () => {
      expect(complete(line, view).line).toBe(want);
    });
  }

  it('lists the candidates when several fit and nothing more can be added', () => {
    expect(complete('kerf start ', view)).toEqual({
      line: 'kerf start ',
      options: ['alpha', 'beta'],
    });
    expect(complete('mklab iommu o', view).options).toEqual(['off', 'on']);
    expect(complete('ls', view).options).toEqual(['ls', 'lspci']);
  });

  it('does nothing odd with names of Object.prototype, unknown words, or no machine yet', () => {
    for (const line of ['kerf toString --', 'mklab constructor x', 'toString', 'zz zz', '']) {
      expect(() => complete(line, view)).not.toThrow();
    }
    expect(complete('kerf ex', null)).toEqual({ line: 'kerf ex', options: [] });
  });
});

describe('the transcript as text', () => {
  const t = (key: string, params?: Readonly<Record<string, string | number>>) =>
    `${key}${params ? JSON.stringify(params) : ''}`;
  it('shows kernel text verbatim and translates the lab prose', () => {
    expect(lineText(t, 'en', { text: '\tcpus = <4 5>;' })).toBe('\tcpus = <4 5>;');
    expect(lineText(t, 'en', { key: 'shell.didYouMean', params: { cmd: 'kerf' } })).toBe(
      'shell.didYouMean{"cmd":"kerf"}',
    );
    expect(lineText(t, 'en', { key: 'not.a.key' })).toBe('not.a.key');
    expect(
      transcriptText(t, 'en', [
        { id: 0, line: 'cat /proc/kimage', output: [{ text: 'x' }], exit: 0, atNs: 1 },
      ]),
    ).toBe('root@host:~# cat /proc/kimage\nx');
  });

  it('writes a duration from the worker (ns) in the reader’s language, not as 100.000 ms', async () => {
    await loadLocale('es');
    const line = { key: 'shell.wait.loaded', params: { waitedNs: 100_000_000, name: 'db' } };
    const en = (k: string, p?: Readonly<Record<string, string | number>>) =>
      translate('en', k as MessageKey, p);
    const es = (k: string, p?: Readonly<Record<string, string | number>>) =>
      translate('es', k as MessageKey, p);
    expect(lineText(en, 'en', line)).toContain('after 100 ms of simulated time');
    expect(lineText(es, 'es', line)).toContain('100 ms');
    expect(
      lineText(es, 'es', {
        key: 'shell.wait.loaded',
        params: { waitedNs: 1_250_000_000, name: 'db' },
      }),
    ).toContain('1,25 s');
  });
});
