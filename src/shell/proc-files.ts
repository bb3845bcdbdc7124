import { HOST, POOL, type Machine } from '../sim';
import { KIMAGE_SEGMENTS, blockAddr, hasKimage, kimageStart, spawns } from './model';
import { hexPad } from './text';

// The /proc files' text, built from the machine's state. Shapes follow the sources named in
// docs/shell.md; values that the sources do not give are the lab's (and say so there).

/** /proc/iomem: `%0*llx-%0*llx : name`, children indented two spaces (kernel/resource.c). */
export function iomem(m: Machine): string[] {
  const out: string[] = [];
  const line = (depth: number, a: number, b: number, name: string) =>
    out.push(`${'  '.repeat(depth)}${hexPad(a, 8)}-${hexPad(b, 8)} : ${name}`);
  // core.c names each chunk of an instance's pool `mk-instance-<id>-<name>-region-<n>`, n from 0.
  const regions = new Map<number, number>();
  const regionName = (owner: number): string => {
    const n = regions.get(owner) ?? 0;
    regions.set(owner, n + 1);
    return `mk-instance-${owner}-${m.instances.get(owner)?.name ?? ''}-region-${n}`;
  };
  let b = 0;
  while (b < m.blocks.length) {
    const host = m.blocks[b] === HOST;
    let e = b;
    while (e + 1 < m.blocks.length && (m.blocks[e + 1] === HOST) === host) e++;
    line(0, blockAddr(b), blockAddr(e + 1) - 1, host ? 'System RAM' : 'Multikernel Memory Pool');
    if (!host && m.version === 'github') {
      // The GitHub tree's per-instance carve-outs (kerf reads them back from here).
      let c = b;
      while (c <= e) {
        const owner = m.blocks[c] as number;
        let d = c;
        while (d + 1 <= e && m.blocks[d + 1] === owner) d++;
        if (owner !== POOL) {
          line(1, blockAddr(c), blockAddr(d + 1) - 1, regionName(owner));
        }
        c = d + 1;
      }
    }
    b = e + 1;
  }
  return out;
}

/** /proc/kimage (v2 patch 11): `%5d  %-10s  0x%012lx  %8lu`. */
export function kimage(m: Machine): string[] {
  const out = [
    'MK_ID  Type        Start Address   Segments',
    '-----  ----------  --------------  --------',
  ];
  const loaded = spawns(m).filter(hasKimage);
  if (loaded.length === 0) return [...out, 'No kimages loaded'];
  for (const i of loaded) {
    out.push(
      `${String(i.id).padStart(5)}  ${'multikernel'.padEnd(10)}  0x${hexPad(kimageStart(i), 12)}  ${String(KIMAGE_SEGMENTS).padStart(8)}`,
    );
  }
  return out;
}

/** /proc/multikernel (v1 patch 7): `%-10s  0x%012lx  %8lu`, no instance ids. */
export function procMultikernel(m: Machine): string[] {
  const out = ['Type        Start Address   Segments', '----------  --------------  --------'];
  const loaded = spawns(m).filter(hasKimage);
  if (loaded.length === 0) return [...out, 'No kimages loaded'];
  for (const i of loaded) {
    out.push(
      `${'multikernel'.padEnd(10)}  0x${hexPad(kimageStart(i), 12)}  ${String(KIMAGE_SEGMENTS).padStart(8)}`,
    );
  }
  return out;
}

/** /proc/cpuinfo, abridged: the CPUs the host has online (a pool or spawn CPU is not listed). */
export function cpuinfo(m: Machine): string[] {
  const out: string[] = [];
  const perNode = new Map<number, number>();
  for (const c of m.cpus) {
    const core = perNode.get(c.numa) ?? 0;
    perNode.set(c.numa, core + 1);
    if (c.owner !== HOST || c.state !== 'online') continue;
    out.push(
      `processor\t: ${c.id}`,
      'vendor_id\t: GenuineIntel',
      'model name\t: Multikernel Lab virtual CPU',
      `physical id\t: ${c.numa}`,
      `core id\t\t: ${core}`,
      `apicid\t\t: ${c.id}`,
      `initial apicid\t: ${c.id}`,
      '',
    );
  }
  return out;
}

export function cmdline(m: Machine): string[] {
  const pool = m.config.poolMiB;
  const size = pool % 1024 === 0 ? `${pool / 1024}G` : `${pool}M`;
  return [
    `BOOT_IMAGE=/boot/vmlinuz root=/dev/nvme0n1p2 ro quiet${m.config.monolithic || pool === 0 ? '' : ` mkkernel_pool=${size}`}`,
  ];
}

export function procVersion(): string[] {
  return ['Linux version 6.18.0-mk (root@mklab) (gcc 14.2.0) #1 SMP PREEMPT_DYNAMIC'];
}
