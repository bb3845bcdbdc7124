import { readdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe';
import { frames, openLab, play } from './helpers';
import { atStep, predict } from './lesson-drive';

// Replay links and files (issue 6, items 1 and 7): a link opens the same machine at the same
// simulated time, paused; committed fixture links keep opening; a bad link or file says which
// field is wrong and changes nothing; a scenario exported and imported comes back the same.

const FIXTURES = 'tests/fixtures/links';

const machine = (page: Page) =>
  page.evaluate(async () => ({
    t: window.__mklab?.t(),
    hash: await window.__mklab?.hash(),
    step: window.__mklab?.lesson()?.step ?? null,
  }));

/** The link with `testhooks` added to its query (the hash stays last). */
function withHooks(link: string): string {
  const url = new URL(link, 'http://x');
  url.searchParams.set('testhooks', '');
  return `${url.pathname}${url.search}${url.hash}`;
}

async function openLink(page: Page, link: string, t: number): Promise<void> {
  await page.goto(withHooks(link));
  await page.waitForFunction(() => window.__mklab?.phase() === 'running');
  await page.waitForFunction((want) => window.__mklab?.t() === want, t);
}

test('a link copied mid-lesson after a crash and a rewind opens the same state, paused', async ({
  page,
  browser,
}) => {
  await page.goto('/?testhooks&lesson=crash-containment');
  await page.waitForFunction(() => window.__mklab?.phase() === 'running');
  await atStep(page, 1);
  // The crash: step 1's "show me" panics batch and runs until the step's goals hold.
  await predict(page);
  await page.getByTestId('show-me-jump').click();
  await page.waitForFunction(() => window.__mklab?.lesson()?.met.every(Boolean));
  await page.evaluate(() => window.__mklab?.setPlaying(false));
  await expect.poll(() => page.evaluate(() => window.__mklab?.kernelState('batch'))).toBe('loaded');
  // The rewind: back 100 ms, to a moment after the panic.
  const crashed = await page.evaluate(() => window.__mklab?.t() ?? 0);
  await page.evaluate((t) => window.__mklab?.seek(t), crashed - 100_000_000);
  await page.waitForFunction((t) => window.__mklab?.t() === t, crashed - 100_000_000);
  await frames(page, 2);
  const here = await machine(page);

  await page.getByTestId('share-open').click();
  const dialog = page.getByTestId('share-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('share-qr')).toBeVisible();
  // Headless Chromium grants no clipboard: the field is there to copy by hand either way.
  await expect(page.getByTestId('share-copy-status')).not.toHaveAttribute('data-state', 'idle');
  const link = await page.getByTestId('share-url').inputValue();
  expect(link).toContain('lesson=crash-containment');
  expect(link).toContain('#r=');
  await dialog.screenshot({ path: 'test-results/screens/share-dialog.png' });
  expect(await axeViolations(page, '[data-testid="share-dialog"]')).toEqual([]);

  const context = await browser.newContext();
  const fresh = await context.newPage();
  await openLink(fresh, link, here.t as number);
  await atStep(fresh, 1);
  expect(await machine(fresh)).toEqual(here);
  // Opened paused: time stands still over some frames.
  await frames(fresh, 5);
  expect(await fresh.evaluate(() => window.__mklab?.t())).toBe(here.t);
  // With the clipboard blocked, the dialog says so and selects the link for copying by hand.
  await fresh.evaluate(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new Error('blocked')) },
    });
  });
  await fresh.getByTestId('share-open').click();
  await expect(fresh.getByTestId('share-copy-status')).toHaveAttribute('data-state', 'blocked');
  await expect(fresh.getByTestId('share-url')).toBeFocused();
  expect(await fresh.getByTestId('share-url').inputValue()).toBe(link);
  await context.close();
});

for (const name of readdirSync(FIXTURES).filter((f) => f.endsWith('.txt'))) {
  test(`the committed link ${name} opens to its recorded state`, async ({ page }) => {
    const link = readFileSync(`${FIXTURES}/${name}`, 'utf8').trim();
    const want = JSON.parse(
      readFileSync(`${FIXTURES}/${name.replace('.txt', '.expect.json')}`, 'utf8'),
    ) as { t: number; hash: string; step: number | null };
    await openLink(page, link, want.t);
    expect(await machine(page)).toEqual({ t: want.t, hash: want.hash, step: want.step });
    await expect(page.getByTestId('link-notice')).toHaveCount(0);
  });
}

test('a link from another engine replays with a notice; a damaged one starts the lab normally', async ({
  page,
}) => {
  const link = readFileSync(`${FIXTURES}/preset-web-db-panic.txt`, 'utf8').trim();
  const [head, r] = link.split('#r=') as [string, string];
  const replay = JSON.parse(Buffer.from(r, 'base64url').toString('utf8')) as { engine: number };
  replay.engine += 1;
  const other = `${head}#r=${Buffer.from(JSON.stringify(replay)).toString('base64url')}`;
  await openLink(page, other, 440_010_000);
  await expect(page.getByTestId('link-notice')).toHaveAttribute('data-kind', 'engine');

  await page.goto('/?testhooks&scenario=web-db#r=bm90IGpzb24');
  await page.waitForFunction(() => window.__mklab?.phase() === 'running');
  const notice = page.getByTestId('link-notice');
  await expect(notice).toHaveAttribute('data-kind', 'refused');
  await expect(notice).toContainText('r: the replay in the link is damaged');
  await expect(page.getByTestId('preset')).toHaveValue('web-db');
});

test('scenario files: a bad one names its field and changes nothing; export, import, export is exact', async ({
  page,
}) => {
  await openLab(page, '&scenario=two-kernels');
  await play(page);
  await page.waitForFunction(() => (window.__mklab?.t() ?? 0) > 150_000_000);
  await page.evaluate(() => window.__mklab?.act({ type: 'fault', kind: 'panic', target: 'beta' }));
  await page.waitForFunction(() => window.__mklab?.kernelState('beta') === 'loaded');
  await page.evaluate(() => window.__mklab?.setPlaying(false));
  await frames(page, 2);
  const before = await machine(page);

  const exported = page.waitForEvent('download');
  await page.getByTestId('export-scenario').click();
  const text = readFileSync(await (await exported).path(), 'utf8');
  const file = JSON.parse(text) as { setup: { type: string; cpus?: number[] }[]; name: string };
  expect(file.name).toBe('two-kernels');

  // One bad CPU in the second spawn: refused, named, and the machine is untouched.
  const i = file.setup.findIndex((x) => x.type === 'instance.create');
  const bad = structuredClone(file);
  (bad.setup[i] as { cpus: number[] }).cpus = [4, 9];
  const input = page.getByTestId('import-scenario-file');
  await input.setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bad)),
  });
  await expect(page.getByTestId('scenario-file-problem')).toContainText(
    `setup[${i}].cpus[1]: CPU 9 does not exist (the machine has 8)`,
  );
  await frames(page, 3);
  expect(await machine(page)).toEqual(before);

  // The exported file, imported: the same machine, and exporting again gives the same text.
  await input.setInputFiles({
    name: 'ok.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await expect(page.getByTestId('scenario-file-ok')).toBeVisible();
  await page.waitForFunction((t) => window.__mklab?.t() === t, before.t as number);
  expect(await machine(page)).toEqual(before);
  const again = page.waitForEvent('download');
  await page.getByTestId('export-scenario').click();
  expect(readFileSync(await (await again).path(), 'utf8')).toBe(text);

  // A name holding markup is shown as text.
  const named = { ...JSON.parse(text), name: '<img src=x onerror="window.__pwned=1">' };
  await input.setInputFiles({
    name: 'named.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(named)),
  });
  const shown = page.getByTestId('scenario-name');
  await expect(shown).toContainText('<img src=x onerror="window.__pwned=1">');
  await expect(shown.locator('img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('progress files: export, a bad import names its field, the exported file imports', async ({
  page,
}) => {
  await page.goto('/?testhooks&lesson=roots');
  await page.waitForFunction(() => window.__mklab?.lesson() !== null);
  await page.getByTestId('lessons-open').click();
  const exported = page.waitForEvent('download');
  await page.getByTestId('export-progress').click();
  const text = readFileSync(await (await exported).path(), 'utf8');
  const file = JSON.parse(text) as { current: string; lessons: Record<string, { step: number }> };
  expect(file.current).toBe('roots');
  const input = page.getByTestId('import-progress-file');
  const bad = structuredClone(file);
  (bad.lessons.roots as { step: number }).step = 99;
  await input.setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bad)),
  });
  await expect(page.getByTestId('progress-file-problem')).toContainText(
    'lessons.roots.step: 99 is outside',
  );
  await input.setInputFiles({
    name: 'ok.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await expect(page.getByTestId('progress-file-ok')).toBeVisible();
});
