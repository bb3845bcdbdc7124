// scripts/chromium/provision.ts with each source of a Chromium taken away in turn: what it finds,
// what it runs, and what it says when nothing works.
import { describe, expect, it } from 'vitest';
import { provisionChromium, type ProvisionDeps } from '../../../scripts/chromium/provision';

const PW = '/root/.cache/ms-playwright/chromium-1/chrome-linux64/chrome';

interface World {
  files: Set<string>;
  env?: Record<string, string>;
  playwright?: boolean; // Playwright has a build for this platform
  playwrightDownloads?: boolean; // its download reaches the network
  root?: boolean;
  apt?: boolean; // apt-get is on PATH
  aptWorks?: boolean;
}

function fake(w: World) {
  const ran: string[] = [];
  const logs: string[] = [];
  const deps: ProvisionDeps = {
    env: w.env ?? {},
    playwrightPath: () => (w.playwright === false ? undefined : PW),
    exists: (p) => w.files.has(p),
    run: (cmd, args) => {
      const line = [cmd, ...args].join(' ');
      ran.push(line);
      if (line === 'npx playwright install chromium') {
        if (w.playwrightDownloads) w.files.add(PW);
        return w.playwrightDownloads ? 0 : 1;
      }
      if (line === 'apt-get update') return w.aptWorks ? 0 : 100;
      if (line === 'apt-get install -y chromium') {
        w.files.add('/usr/bin/chromium');
        return 0;
      }
      throw new Error(`unexpected command ${line}`);
    },
    isRoot: () => w.root ?? false,
    which: (cmd) => cmd === 'apt-get' && (w.apt ?? false),
    log: (l) => logs.push(l),
  };
  return { deps, ran, logs };
}

describe('provisionChromium', () => {
  it('uses CHROMIUM_PATH first and runs nothing', () => {
    const { deps, ran } = fake({
      files: new Set(['/opt/chrome', PW, '/usr/bin/chromium']),
      env: { CHROMIUM_PATH: '/opt/chrome' },
    });
    expect(provisionChromium(deps)).toEqual({ ok: true, path: '/opt/chrome', how: 'found' });
    expect(ran).toEqual([]);
  });

  it("without CHROMIUM_PATH, takes Playwright's cache before the system's", () => {
    const { deps, ran } = fake({ files: new Set([PW, '/usr/bin/chromium']) });
    expect(provisionChromium(deps)).toMatchObject({ ok: true, path: PW, how: 'found' });
    expect(ran).toEqual([]);
  });

  it('with neither, takes the system Chromium (either package name)', () => {
    const a = fake({ files: new Set(['/usr/bin/chromium']) });
    expect(provisionChromium(a.deps)).toMatchObject({ path: '/usr/bin/chromium', how: 'found' });
    const b = fake({ files: new Set(['/usr/bin/chromium-browser']) });
    expect(provisionChromium(b.deps)).toMatchObject({ path: '/usr/bin/chromium-browser' });
    expect([...a.ran, ...b.ran]).toEqual([]);
  });

  it('a CHROMIUM_PATH that points nowhere is said, then the other sources are used', () => {
    const { deps, logs } = fake({
      files: new Set(['/usr/bin/chromium']),
      env: { CHROMIUM_PATH: '/nope' },
    });
    expect(provisionChromium(deps)).toMatchObject({
      ok: true,
      path: '/usr/bin/chromium',
      how: 'found',
    });
    expect(logs).toEqual([
      'chromium: CHROMIUM_PATH is "/nope", but no file is there; looking elsewhere.',
    ]);
  });

  it("with none there, downloads Playwright's own when the network allows", () => {
    const { deps, ran, logs } = fake({
      files: new Set(),
      playwrightDownloads: true,
      root: true,
      apt: true,
    });
    expect(provisionChromium(deps)).toEqual({ ok: true, path: PW, how: 'playwright' });
    expect(ran).toEqual(['npx playwright install chromium']);
    expect(logs.join('\n')).toMatch(/trying Playwright's own download/);
  });

  it('when the download fails, installs the system package as root with apt-get, saying so', () => {
    const { deps, ran, logs } = fake({ files: new Set(), root: true, apt: true, aptWorks: true });
    expect(provisionChromium(deps)).toEqual({
      ok: true,
      path: '/usr/bin/chromium',
      how: 'apt-get',
    });
    expect(ran).toEqual([
      'npx playwright install chromium',
      'apt-get update',
      'apt-get install -y chromium',
    ]);
    expect(logs.join('\n')).toMatch(/apt-get install -y chromium/);
  });

  it('without a Playwright build for the platform, goes straight to apt-get', () => {
    const { deps, ran } = fake({
      files: new Set(),
      playwright: false,
      root: true,
      apt: true,
      aptWorks: true,
    });
    expect(provisionChromium(deps)).toMatchObject({ ok: true, how: 'apt-get' });
    expect(ran).toEqual(['apt-get update', 'apt-get install -y chromium']);
  });

  it('not root: does not run apt-get, and stops with what it tried and how to get one', () => {
    const { deps, ran } = fake({ files: new Set(), root: false, apt: true });
    const out = provisionChromium(deps);
    expect(ran).toEqual(['npx playwright install chromium']);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.message).toMatch(/No Chromium found/);
    expect(out.message).toMatch(/apt-get \(not root, so not run\)/);
    expect(out.message).toMatch(/npx playwright install chromium/);
    expect(out.message).toMatch(/CHROMIUM_PATH/);
  });

  it('no apt-get and no network: stops with the message', () => {
    const { deps } = fake({ files: new Set(), root: true, apt: false });
    const out = provisionChromium(deps);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.message).toMatch(/apt-get \(not on this system\)/);
  });

  it('apt-get update failing (no repository reachable) is reported, install is not tried', () => {
    const { deps, ran } = fake({ files: new Set(), root: true, apt: true, aptWorks: false });
    const out = provisionChromium(deps);
    expect(ran).not.toContain('apt-get install -y chromium');
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.message).toMatch(/apt-get update \(exit 100\)/);
  });
});
