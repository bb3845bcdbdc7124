/**
 * The sections of the project's fact file (reference/multikernel-facts.md) a lesson can cite,
 * each with one primary source. Titles are translated (`facts.<id>` in each language's facts.json).
 */
export interface FactSection {
  readonly id: string;
  readonly url: string;
}

const V1 = 'https://lore.kernel.org/lkml/20250918222607.186488-1-xiyou.wangcong@gmail.com/';
const V2 = 'https://lore.kernel.org/lkml/20251019061631.2235405-1-xiyou.wangcong@gmail.com/';
const TREE = 'https://github.com/multikernel/linux';

export const FACT_SECTIONS: readonly FactSection[] = [
  { id: '1.1', url: V1 },
  { id: '1.2', url: V1 },
  { id: '1.3', url: V2 },
  { id: '1.4', url: 'https://github.com/multikernel/kerf' },
  { id: '1.5', url: `${TREE}/blob/HEAD/arch/x86/multikernel/spawn.c` },
  { id: '1.6', url: TREE },
  { id: '1.7', url: TREE },
  { id: '1.8', url: 'https://www.kernel.org/doc/html/next/admin-guide/mm/kho.html' },
  {
    id: '1.9',
    url: 'https://lore.kernel.org/lkml/20250918222607.186488-5-xiyou.wangcong@gmail.com/',
  },
  {
    id: '1.10',
    url: 'https://lore.kernel.org/lkml/20250918222607.186488-3-xiyou.wangcong@gmail.com/',
  },
  { id: '1.11', url: `${TREE}/blob/HEAD/kernel/multikernel/core.c` },
  { id: '1.12', url: V1 },
  { id: '1.13', url: 'https://lists.infradead.org/pipermail/kexec/2025-September/033917.html' },
  {
    id: '2',
    url: 'https://lore.kerneltesting.org/linux-mm/20250922142831.GA351870@fedora/1-a.txt',
  },
  { id: '3', url: 'https://www.sigops.org/s/conferences/sosp/2009/papers/baumann-sosp09.pdf' },
  {
    id: '4',
    url: 'http://laboratoriolinux.es/index.php/-noticias-mundo-linux-/software/38656-nueva-propuesta-busca-hacer-que-linux-sea-amigable-con-multiples-nucleos.html',
  },
  { id: '5', url: TREE },
  { id: '6', url: TREE },
];

export function factSection(id: string): FactSection | undefined {
  return FACT_SECTIONS.find((f) => f.id === id);
}
