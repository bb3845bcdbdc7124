import { readFileSync } from 'node:fs';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { bigMachinePath, pageEngine } from './big-machine';
import { openLab, play } from './helpers';
import { PLAIN_LOOKS } from '../fixtures/presenter/plain-looks';
import { slowBootScenarioFile } from './slow-boot';

// Issue 11 (F1, F2, F8, the audience's dead end): no input makes the lab work without bound,
// nothing vanishes silently, and every limit is said. Each waits on the page's state or
// simulated time, never on a sleep.

/** The `#r=` of issue 11's F1: the busiest preset, no inputs. */
const DATACENTER =
  '#r=eyJzY2hlbWEiOjEsImVuZ2luZSI6MSwiY29uZmlnIjp7InNjZW5hcmlvIjoiZGF0YWNlbnRlciIsInNlZWQiOjF9LCJsb2ciOltdfQ';

/** The worker answers (a state hash) within two seconds: it is not left busy. */
async function answers(page: Page): Promise<void> {
  const hash = await page.evaluate(() =>
    Promise.race([
      window.__mklab?.hash(),
      new Promise<string>((resolve) => setTimeout(() => resolve('no answer'), 2000)),
    ]),
  );
  expect(hash).toMatch(/^[0-9a-f]+$/);
}

test('F1: a link to a time far in the future is refused at once, naming the limit', async ({
  page,
}) => {
  await page.goto(`/?testhooks&scenario=datacenter&t=1000000000000000${DATACENTER}`);
  const notice = page.getByTestId('link-notice');
  await expect(notice).toContainText(
    't: 1000000 s of simulated time is past the limit: at most 100000 s',
    { timeout: 5000 },
  );
  await page.waitForFunction(() => window.__mklab?.phase() === 'running', null, { timeout: 5000 });
  await answers(page);
  // The page is usable: the machine plays when asked.
  await play(page);
  const t0 = await page.evaluate(() => window.__mklab?.t() ?? 0);
  await page.waitForFunction((t) => (window.__mklab?.t() ?? 0) > t, t0);
});

test('F1: a long replay shows how far it has got, and Cancel leaves it there, paused', async ({
  page,
}) => {
  // 1,000 simulated seconds of the busiest preset: within the limits, minutes of replay.
  await page.goto(`/?testhooks&scenario=datacenter&t=1000000000000${DATACENTER}`);
  const status = page.getByTestId('worker-status');
  await expect(page.getByTestId('replay-progress')).toBeVisible({ timeout: 10_000 });
  await expect(status).toContainText('of 1,000 s simulated');
  // The page answers meanwhile (its own thread is free; the worker answers between chunks).
  await expect
    .poll(() => page.evaluate(() => document.querySelector('progress')?.value ?? 0))
    .toBeGreaterThan(0);
  await page.getByTestId('replay-cancel').click();
  await expect(status).toHaveAttribute('data-stopped', 'cancelled');
  await expect(status).toContainText('The replay was cancelled at');
  expect(await page.evaluate(() => window.__mklab?.phase())).toBe('running');
  await expect(page.getByTestId('play-toggle')).toHaveAttribute('aria-pressed', 'false');
  const t = await page.evaluate(() => window.__mklab?.t() ?? 0);
  expect(t).toBeGreaterThan(0);
  expect(t).toBeLessThan(1e12);
  await answers(page);
});

test('the biggest machine the lab takes opens from a link, whole and with no notice', async ({
  page,
}) => {
  // The link carries the engine this app says it runs: a stale one would bring a notice.
  await page.goto(bigMachinePath(await pageEngine(page)));
  // Its first picture of 256 CPUs keeps a loaded page busy for seconds: wait on the state.
  await page.waitForFunction(
    () => window.__mklab?.phase() === 'running' && window.__mklab.view()?.instances.length === 128,
    null,
    { timeout: 30_000 },
  );
  await expect(page.getByTestId('link-notice')).toHaveCount(0);
  await answers(page);
});

test('F2: a scenario file too slow to boot is refused naming the limit; the machine stays', async ({
  page,
}) => {
  await openLab(page, '&scenario=two-kernels');
  await page.evaluate(() => window.__mklab?.setPlaying(false));
  const before = await page.evaluate(async () => ({
    t: window.__mklab?.t(),
    hash: await window.__mklab?.hash(),
  }));
  await page.getByTestId('import-scenario-file').setInputFiles({
    name: 'slow.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(slowBootScenarioFile())),
  });
  await expect(page.getByTestId('scenario-file-problem')).toContainText(
    'booting this setup takes more than 200000 events, the most a scenario may take',
    { timeout: 30_000 },
  );
  expect(await page.evaluate(() => window.__mklab?.restarts())).toBe(0);
  expect(
    await page.evaluate(async () => ({
      t: window.__mklab?.t(),
      hash: await window.__mklab?.hash(),
    })),
  ).toEqual(before);
});

test('F8: a lesson run too long for a link: Share says so and offers the file, which holds it', async ({
  page,
}) => {
  await page.goto('/?testhooks&lesson=crash-containment');
  await page.waitForFunction(() => window.__mklab?.lesson() !== null);
  // 1,500 shell lines of 200 characters: some 500 KB of link, twice what a link may carry.
  const lines = 1500;
  await page.evaluate((n) => {
    for (let i = 0; i < n; i++)
      window.__mklab?.shell(`no-such-tool ${String(i).padStart(186, '.')}`);
  }, lines);
  await page.waitForFunction((n) => (window.__mklab?.logLength() ?? 0) >= n, lines);
  await page.getByTestId('share-open').click();
  const unopenable = page.getByTestId('share-unopenable');
  // The link is built and checked, and the dialog's code loads, on this first click.
  await expect(unopenable).toContainText('This link is too long to open in the lab:', {
    timeout: 15_000,
  });
  await expect(unopenable).toContainText('a link may carry at most 256 KB');
  // The link that would not open is not offered: neither copied, nor shown, nor as a QR code.
  await expect(page.getByTestId('share-url')).toHaveCount(0);
  await expect(page.getByTestId('share-qr')).toHaveCount(0);
  await expect(page.getByTestId('share-download')).toBeFocused();
  const download = page.waitForEvent('download');
  await page.getByTestId('share-download').click();
  const file = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as {
    lessons: Record<string, { log: unknown[] }>;
  };
  const logged = await page.evaluate(() => window.__mklab?.logLength());
  expect(file.lessons['crash-containment']?.log).toHaveLength(logged as number);
});

/**
 * A page standing in for the presenter of session `bounded-test`: it sends `start` (with an
 * empty log) at once and again whenever the audience says hello.
 */
async function presenterServing(context: BrowserContext, start: unknown): Promise<Page> {
  const presenter = await context.newPage();
  await presenter.goto('/?testhooks');
  await presenter.evaluate(
    ({ spec, looks }) => {
      const channel = new BroadcastChannel('mklab:present:bounded-test');
      // The key of an empty log: its length, and FNV-1a of "[]".
      let h = 0x811c9dc5;
      for (const c of '[]') h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
      const logKey = `0:${h.toString(16).padStart(8, '0')}`;
      const state = { lesson: null, t: 0, playing: false, speedIndex: 7, logLength: 0, logKey };
      const send = () => {
        channel.postMessage({ v: 1, type: 'sync', start: spec, log: [], logKey });
        channel.postMessage({ v: 1, type: 'state', seq: 1, ...state, ...looks });
      };
      channel.onmessage = (e: MessageEvent) => {
        if ((e.data as { type?: string }).type === 'hello') send();
      };
      send();
    },
    { spec: start, looks: PLAIN_LOOKS },
  );
  return presenter;
}

test('the audience given a machine it cannot boot says why and offers Retry', async ({
  page,
  context,
}) => {
  await page.goto('/?testhooks&audience=bounded-test');
  await page.waitForFunction(() => window.__mklab?.phase() === 'running');
  const slow = slowBootScenarioFile() as { config: unknown; setup: unknown };
  const presenter = await presenterServing(context, {
    scenario: { config: slow.config, setup: slow.setup },
    seed: 1,
  });
  const failed = page.getByTestId('audience-failed');
  await expect(failed).toContainText("This window cannot show the presenter's machine.", {
    timeout: 30_000,
  });
  await expect(failed).toContainText('booting this setup takes more than 200000 events');
  // It does not try the same machine again and again: it waits for Retry.
  expect(await page.evaluate(() => window.__mklab?.phase())).toBe('failed');

  // Retry, once the presenter has a machine this window can boot: it follows.
  await presenter.close();
  await presenterServing(context, { scenario: 'web-db', seed: 1 });
  await page.getByTestId('audience-retry').click();
  await expect(failed).toHaveCount(0, { timeout: 30_000 });
  await page.waitForFunction(() => window.__mklab?.phase() === 'running');
  await expect
    .poll(() => page.evaluate(() => window.__mklab?.view()?.instances.length ?? 0))
    .toBeGreaterThan(1);
});

test('a stray invalid message does not stop the audience; a refused machine is said', async ({
  page,
  context,
}) => {
  await page.goto('/?testhooks&audience=bounded-test');
  await page.waitForFunction(() => window.__mklab?.phase() === 'running');
  // Someone else's tab posts junk that calls itself a sync: ignored and counted, nothing shown.
  const stray = await context.newPage();
  await stray.goto('/?testhooks');
  await stray.evaluate(() =>
    new BroadcastChannel('mklab:present:bounded-test').postMessage({ v: 1, type: 'sync' }),
  );
  await page.waitForFunction(() => (window.__mklab?.channelIgnored() ?? 0) >= 1);
  await expect(page.getByTestId('audience-failed')).toHaveCount(0);
  // A presenter whose machine this window refuses (no such preset), with a state naming it.
  const refused = await presenterServing(context, { scenario: 'no-such-preset', seed: 1 });
  const failed = page.getByTestId('audience-failed');
  await expect(failed).toBeVisible({ timeout: 30_000 });
  await refused.close();
  // The real presenter's machine arrives: the notice goes by itself, and it follows.
  await presenterServing(context, { scenario: 'web-db', seed: 1 });
  await expect(failed).toHaveCount(0, { timeout: 30_000 });
  await expect
    .poll(() => page.evaluate(() => window.__mklab?.view()?.instances.length ?? 0))
    .toBeGreaterThan(1);
});
