/**
 * An owner code as a name, for every view of the page: the pool (any negative code) by the word
 * the caller gives, the host or a spawned kernel by its name, and a kernel that is gone by its id.
 * The worker side's shell has its own, over the machine (src/shell/model.ts), in kernel words.
 */
export function ownerName(
  owner: number,
  instances: readonly { readonly id: number; readonly name: string }[],
  poolWord: string,
): string {
  if (owner < 0) return poolWord;
  return instances.find((i) => i.id === owner)?.name ?? String(owner);
}
