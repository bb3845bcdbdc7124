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

// What the page and the sim accept from outside: inputs, logs, links, files and messages. The
// validators in ./validate read these, so a limit changes here and nowhere else.

/** A text field of an input (a name, a PCI address, a target): 1–64 characters. */
export const MAX_FIELD_CHARS = 64;
/** An input's list of CPUs, and of device names. */
export const MAX_INPUT_CPUS = 4096;
export const MAX_INPUT_NAMES = 64;
/** Setup steps a scenario may hold. */
export const MAX_SETUP = 2000;

// An hour of real use is the yardstick of every limit on what a person makes: a log, a time, a
// file. Whatever an hour of play, clicking and typing reaches must save and load again (as a file
// when a link is too long), so each limit below is at least that hour's worth; past it, links and
// files are refused up front, naming the limit (docs/sharing.md lists them).

/** The yardstick: an hour of use, in wall seconds. */
export const HOUR_OF_USE_S = 3600;
/**
 * The most inputs a person gives in a second, sustained for the hour: clicks, shell lines, step
 * keys. A fast clicker manages about five a second; twice that leaves room.
 */
export const MAX_INPUTS_PER_S = 10;
/** The playback's top speed, in simulated ns per wall second (the last of `SPEEDS`). */
export const TOP_SPEED_NS_PER_S = 10_000_000_000;
/**
 * Events one frame may run (the worker's frame budget): the page asks for at most one frame per
 * display frame, so an hour of play at 60 frames a second runs at most `MAX_REPLAY_EVENTS`.
 */
export const FRAME_EVENTS = 150_000;

/**
 * A log longer than this is refused (a link, a file, saved progress, a presenter's sync to its
 * audience): an hour of inputs at `MAX_INPUTS_PER_S` (36,000).
 */
export const MAX_LOG = HOUR_OF_USE_S * MAX_INPUTS_PER_S;
/**
 * The latest simulated time a file or link may name: 100,000 s (about 28 h). An hour at the top
 * speed is 36,000 s; "skip" jumps up to 10 s a click on top of that, so the limit leaves room
 * for some 6,400 of them.
 */
export const MAX_T = 100_000 * 1_000_000_000;
/**
 * The most events a replay runs (a link, a file, a restart rebuilding the machine): an hour of
 * play at `FRAME_EVENTS` a frame and 60 frames a second. A replay that needs more stops there,
 * paused, and says so; the page can cancel one sooner.
 */
export const MAX_REPLAY_EVENTS = FRAME_EVENTS * 60 * HOUR_OF_USE_S;
/**
 * The most events a scenario's setup may take to boot (each step settles before the next). The
 * biggest machine the lab takes (256 CPUs, 128 kernels, tests/e2e/big-machine.ts) boots in 692
 * and every preset in under 100; this is under a second of the engine's work even on a machine
 * that busy, so trying an imported file never holds the worker for long.
 */
export const MAX_SETUP_EVENTS = 200_000;
/** A scenario's warm-up after its setup (10 s): a few metric windows need 300 ms. */
export const MAX_WARMUP_NS = 10_000_000_000;
/**
 * Simulated time a shell line blocked in a system call runs ahead per frame, whatever the speed,
 * paused or not (250 ms): kerf kill's 30 s SHUTDOWN_ACK timeout answers in 120 frames, about 2 s
 * at 60 frames a second — slow enough to press Ctrl-C, and the machine view catches up as it goes.
 */
export const WAIT_AHEAD_NS = 250_000_000;
/** The largest seed a link, file or address may carry (15 digits). */
export const MAX_SEED = 999_999_999_999_999;
/** A shell line, as typed. */
export const MAX_LINE = 1000;
/** The engine version a link may name. */
export const MAX_ENGINE = 1_000_000;
/** An imported scenario's name. */
export const MAX_SCENARIO_NAME = 80;
/** No lesson has this many steps; the lesson's own count is checked where it is known. */
export const MAX_LESSON_STEPS = 99;
/** Farthest an embedding page may seek: ten simulated minutes (a seek re-simulates up to there). */
export const MAX_SEEK_NS = 600_000_000_000;
/** The presenter's playback speed index, and the length of a log key. */
export const MAX_SPEED_INDEX = 32;
export const MAX_LOG_KEY = 40;

/**
 * Sizes refused before anything is parsed: a `#r=` payload, files, a presenter's sync. A link
 * holds a few thousand entries (the Share dialog offers the file past that); a file holds an
 * hour's log even of the widest entries — `MAX_LOG` shell lines of `MAX_LINE` characters, in the
 * files' two-space JSON inside a progress file's lesson (about 1,150 characters each).
 */
export const MAX_REPLAY_CHARS = 256 * 1024;
export const MAX_SCENARIO_CHARS = 48 * 1024 * 1024;
export const MAX_PROGRESS_CHARS = 48 * 1024 * 1024;
export const MAX_SYNC_CHARS = 4_000_000;
