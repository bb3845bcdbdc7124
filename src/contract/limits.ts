// The machine's fixed numbers and rules that both sides need: the sim enforces them, the page
// draws and checks with the same values. Sources in docs/architecture.md and facts §1.4–1.9.

/** Instance 0 is the host; spawns are 1–2047 (`KEXEC_MK_ID`, facts §1.4). */
export const HOST = 0;
export const MAX_INSTANCE_ID = 2047;
/** Owner code of a CPU or memory block that sits in the multikernel pool. */
export const POOL = -1;

/** Memory is modelled in x86_64 hot-plug blocks (facts §5, "Memory granularity"). */
export const BLOCK_MIB = 128;
/** The host keeps at least this much memory for itself. */
export const HOST_MIN_MIB = 1024;

/** GitHub tree: 64 entries per instance ring; full when the next head meets the tail (facts §1.9). */
export const RING_ENTRIES = 64;
export const RING_USABLE = RING_ENTRIES - 1;

/** A spawn's name: what kerf accepts, and what the sandbox forms and files are checked against. */
export const NAME_RE = /^[a-z][a-z0-9_-]{0,31}$/;
/** A PCI function `DDDD:BB:SS.F`. */
export const PCI_RE = /^[0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]$/;

export const MAX_CPUS = 256;
export const MAX_NUMA_NODES = 8;
export const MAX_MEMORY_MIB = 4 * 1024 * 1024;
export const MAX_DEVICES = 64;
export const MIN_LLC_WAYS = 2;
export const MAX_LLC_WAYS = 32;
export const MAX_WORKLOAD_LOAD = 1000;
export const MAX_THREADS = 256;
