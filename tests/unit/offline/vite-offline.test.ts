import { readFileSync } from 'node:fs';
import { transformWithOxc } from 'vite';
import { describe, expect, it } from 'vitest';
import { buildVersion, precacheFiles, renderServiceWorker } from '../../../scripts/vite-offline';

describe('the service worker build step', () => {
  it('precaches every built file but itself, source maps and hidden files, with / separators', () => {
    expect(
      precacheFiles([
        'index.html',
        'sw.js',
        'assets/index-abc.js',
        'assets/index-abc.js.map',
        '.vite/manifest.json',
        'assets/sim.worker-x.js',
      ]),
    ).toEqual(['assets/index-abc.js', 'assets/sim.worker-x.js', 'index.html']);
  });

  it('gives a new version when any byte or name changes, the same one otherwise', () => {
    const a = [
      { name: 'index.html', bytes: new TextEncoder().encode('<html>') },
      { name: 'assets/a.js', bytes: new TextEncoder().encode('x') },
    ];
    const v = buildVersion(a);
    expect(buildVersion([...a].reverse())).toBe(v);
    expect(buildVersion([a[0]!, { ...a[1]!, bytes: new TextEncoder().encode('y') }])).not.toBe(v);
    expect(buildVersion([a[0]!, { ...a[1]!, name: 'assets/b.js' }])).not.toBe(v);
  });

  it('renders a classic script (no import or export) that carries the list and the version', async () => {
    const source = readFileSync('src/features/offline/service-worker.ts', 'utf8');
    const { code } = await transformWithOxc(source, 'service-worker.ts', { lang: 'ts' });
    const sw = renderServiceWorker(code, 'v123', ['index.html', 'assets/a.js']);
    expect(sw).not.toMatch(/^\s*(?:import|export)\b/m);
    expect(sw).toContain('const MKLAB_VERSION = "v123";');
    expect(sw).toContain('"assets/a.js"');
    // It parses as a script (a module-only construct would throw here).
    expect(() => new Function(sw)).not.toThrow();
    expect(() => renderServiceWorker('import x from "y";', 'v', [])).toThrow(/import and export/);
  });
});
