import { MS, US, S } from './time';
import { RING_ENTRIES, type Confidence, type ConstantName, type TimingConstant } from '../contract';

export type { ConstantName, TimingConstant } from '../contract';

const c = (
  value: number,
  unit: TimingConstant['unit'],
  source: string,
  confidence: Confidence,
  note?: string,
): TimingConstant =>
  note === undefined
    ? { value, unit, source, confidence }
    : { value, unit, source, confidence, note };

/** Every duration and size the sim uses. Facts § numbers refer to reference/multikernel-facts.md. */
export const CONSTANTS = {
  mailboxPoll: c(
    100 * US,
    'ns',
    'arch/x86/multikernel/spawn.c: host polls the claim every 100 µs (facts §1.5)',
    'high',
  ),
  claimTimeout: c(1 * S, 'ns', 'spawn.c: host gives up after 1 s (facts §1.5)', 'high'),
  claimLatency: c(
    5 * US,
    'ns',
    'model: a CPU in MWAIT wakes on the mailbox write',
    'model',
    'No measurement in the facts.',
  ),
  spawnBoot: c(
    30 * MS,
    'ns',
    'multikernel.io how-it-works: "tens of milliseconds"',
    'vendor-claim',
    'Vendor claim, unmeasured.',
  ),
  apBringup: c(
    5 * MS,
    'ns',
    "model: a spawn's secondary CPUs one by one, 5 ms each — borrowed from a host's ordinary serial INIT/SIPI bring-up (Phoronix parallel x86_64 boot: ~500 ms for 96 threads, facts §5)",
    'model',
    "In the GitHub tree the host re-parks a spawn's secondaries onto its context through the same mailbox poll (spawn.c, facts §1.5); no source times that.",
  ),
  initSipiDelay: c(0, 'ns', 'smpboot.c: INIT→deassert 10 ms legacy, 0 on modern Intel/AMD', 'high'),
  trampoline: c(
    50 * US,
    'ns',
    'model: real → protected → long mode in trampoline_64_bsp.S (v1/v2)',
    'model',
  ),
  imageCopy: c(10 * MS, 'ns', 'model: ~20 MiB image copied by kexec_file_load', 'model'),
  gracefulKillTimeout: c(
    30 * S,
    'ns',
    'kernel/multikernel/core.c: wait ≤ 30 s for SHUTDOWN_ACK (facts §1.11)',
    'high',
  ),
  nmiLatency: c(2 * US, 'ns', 'model: NMI delivery to each instance CPU', 'model'),
  park: c(20 * US, 'ns', 'model: CPU re-enters multikernel_play_dead()', 'model'),
  parkConfirm: c(
    1 * MS,
    'ns',
    'model: delay of the workqueue that handles MK_SYS_HALTED; core.c then logs the halt and sets loaded',
    'model',
    'core.c does not confirm the parking here (only the kexec path does, before it rewrites the image).',
  ),
  ipiLatency: c(
    2 * US,
    'ns',
    'IPI delivery ~1–3 µs round trip [UNVERIFIED, facts §5]',
    'low',
    'Unverified: only low-quality sources.',
  ),
  ipiEntry: c(500, 'ns', 'model: interrupt entry/exit cost on the receiving CPU', 'model'),
  msgHandler: c(1 * US, 'ns', 'model: draining one ring entry in IRQ context', 'model'),
  quantum: c(1 * MS, 'ns', 'model: scheduler time slice', 'model'),
  metricsWindow: c(
    100 * MS,
    'ns',
    'CURRICULUM §0: metrics over the last 100 ms of simulated time',
    'model',
  ),
  requestTimeout: c(50 * MS, 'ns', 'model: a front end gives up on a backend answer', 'model'),
  stall: c(
    2 * MS,
    'ns',
    'model: WBINVD / split-lock stall on every CPU (facts §2, Hansen); no magnitude given',
    'model',
  ),
  scribbleCrash: c(
    1 * MS,
    'ns',
    'model: a kernel whose text was overwritten crashes soon after',
    'model',
  ),
  deviceIo: c(80 * US, 'ns', 'model: one NVMe read', 'model'),
  serverInterarrival: c(
    400 * US,
    'ns',
    'model: mean gap between requests to a server at full load',
    'model',
  ),
  serverCost: c(60 * US, 'ns', 'model: mean CPU time of a request served locally', 'model'),
  frontCost: c(20 * US, 'ns', 'model: a front end parsing a request it forwards', 'model'),
  ioInterarrival: c(500 * US, 'ns', 'model: mean gap between I/O requests at full load', 'model'),
  ioCost: c(15 * US, 'ns', 'model: CPU time to submit one I/O', 'model'),
  serviceCost: c(40 * US, 'ns', 'model: a backend service answering one request', 'model'),
  rtPeriod: c(1 * MS, 'ns', 'model: period (and deadline) of the real-time task', 'model'),
  rtWcet: c(150 * US, 'ns', 'model: worst-case run time of one real-time job', 'model'),
  ringEntries: c(
    RING_ENTRIES,
    'count',
    'kernel/multikernel/ipi.c: 64-entry ring; full when next_head == tail (63 usable)',
    'high',
  ),
  ringEntryBytes: c(4096, 'bytes', 'ipi.c: entries ≤ 4096 B', 'high'),
  slotBytes: c(
    256,
    'bytes',
    'v1 patch 4: one 256 B slot per CPU, overwritten by the next send (high); the lab keeps it for v2',
    'medium',
    "v2 patch 13 targets an instance id with buffers in that instance's pool: v2 as a per-CPU 256 B slot is a model assumption.",
  ),
  noisyPressure: c(
    300,
    'permille',
    'model: illustrative LLC / memory-bandwidth slowdown per noisy neighbour at full load',
    'model',
    'The facts give no magnitude; illustrative only.',
  ),
  llcPartitionRelief: c(
    500,
    'permille',
    'model: share of the pressure left with a dedicated llc-way-mask (facts §1.5)',
    'model',
  ),
} as const satisfies Record<ConstantName, TimingConstant>;

/** The plain value, for the hot path. */
export const K = Object.fromEntries(Object.entries(CONSTANTS).map(([k, v]) => [k, v.value])) as {
  readonly [P in ConstantName]: number;
};
