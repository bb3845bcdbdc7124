// Gets a Chromium for the e2e tests, benchmarks and audits, so `npm test` passes on a machine that
// has only Node. Order (README "Requirements"):
//   1. one that is there: $CHROMIUM_PATH, Playwright's cache, the system's (/usr/bin/chromium…)
//   2. Playwright's own download (`npx playwright install chromium`), where the network allows it
//   3. the system package manager, when it can run: root on Debian/Ubuntu → `apt-get install -y chromium`
// Each attempt says what it does; only when all fail does it stop, with what it tried and how to
// get one by hand. The steps take their effects as arguments so a unit test can take each away.

export interface ProvisionDeps {
  env: Record<string, string | undefined>;
  /** Playwright's idea of its own browser's path (it may not exist yet); undefined if it has none. */
  playwrightPath: () => string | undefined;
  exists: (path: string) => boolean;
  /** Runs a command with inherited output; resolves to its exit status (non-zero or null = failed). */
  run: (cmd: string, args: string[], opts?: { env?: Record<string, string> }) => number | null;
  isRoot: () => boolean;
  /** Whether an executable is on PATH. */
  which: (cmd: string) => boolean;
  log: (line: string) => void;
}

export interface Candidate {
  source: string;
  path: string | undefined;
}

/** Where a system package puts Chromium, by distribution. */
export const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function candidates(deps: Pick<ProvisionDeps, 'env' | 'playwrightPath'>): Candidate[] {
  return [
    { source: 'env CHROMIUM_PATH', path: deps.env.CHROMIUM_PATH || undefined },
    { source: "Playwright's cache", path: deps.playwrightPath() },
    ...SYSTEM_PATHS.map((path) => ({ source: 'system', path })),
  ];
}

export function findChromium(deps: Pick<ProvisionDeps, 'env' | 'playwrightPath' | 'exists'>) {
  return candidates(deps).find((c) => c.path !== undefined && deps.exists(c.path));
}

export type Outcome =
  | { ok: true; path: string; how: 'found' | 'playwright' | 'apt-get' }
  | { ok: false; message: string };

/** Finds or installs a Chromium. Never throws; the caller decides what a failure means. */
export function provisionChromium(deps: ProvisionDeps): Outcome {
  const asked = deps.env.CHROMIUM_PATH;
  if (asked && !deps.exists(asked)) {
    deps.log(`chromium: CHROMIUM_PATH is "${asked}", but no file is there; looking elsewhere.`);
  }
  const found = findChromium(deps);
  if (found) return { ok: true, path: found.path!, how: 'found' };

  const tried: string[] = [];

  if (deps.playwrightPath() !== undefined) {
    deps.log(
      "chromium: none found; trying Playwright's own download (npx playwright install chromium)…",
    );
    const status = deps.run('npx', ['playwright', 'install', 'chromium']);
    const after = findChromium(deps);
    if (status === 0 && after) {
      deps.log(`chromium: Playwright installed ${after.path}`);
      return { ok: true, path: after.path!, how: 'playwright' };
    }
    tried.push(`npx playwright install chromium (exit ${status ?? 'signal'})`);
    deps.log("chromium: Playwright's download did not work here.");
  }

  if (deps.which('apt-get')) {
    if (deps.isRoot()) {
      deps.log(
        "chromium: installing Debian's package as root: apt-get update && apt-get install -y chromium…",
      );
      const aptEnv = { DEBIAN_FRONTEND: 'noninteractive' };
      const update = deps.run('apt-get', ['update'], { env: aptEnv });
      const install =
        update === 0 ? deps.run('apt-get', ['install', '-y', 'chromium'], { env: aptEnv }) : null;
      const after = findChromium(deps);
      if (install === 0 && after) {
        deps.log(`chromium: apt-get installed ${after.path}`);
        return { ok: true, path: after.path!, how: 'apt-get' };
      }
      tried.push(
        update !== 0
          ? `apt-get update (exit ${update ?? 'signal'})`
          : `apt-get install -y chromium (exit ${install ?? 'signal'})`,
      );
    } else {
      tried.push('apt-get (not root, so not run)');
    }
  } else {
    tried.push('apt-get (not on this system)');
  }

  return { ok: false, message: noChromiumMessage(deps, tried) };
}

function noChromiumMessage(deps: ProvisionDeps, tried: string[]): string {
  const looked = candidates(deps)
    .map((c) => `  - ${c.source}: ${c.path ?? '(not set)'}`)
    .join('\n');
  return [
    'No Chromium found for the e2e tests, and none could be installed.',
    'Looked in:',
    looked,
    'Tried:',
    ...tried.map((t) => `  - ${t}`),
    'Get one either way:',
    '  - npx playwright install chromium        (Playwright downloads its own build)',
    '  - apt-get install -y chromium            (Debian/Ubuntu, as root; then /usr/bin/chromium is used)',
    'or point CHROMIUM_PATH at an existing Chromium/Chrome binary.',
    '(To skip e2e in a quick local loop: SKIP_E2E=1 npm test.)',
  ].join('\n');
}
