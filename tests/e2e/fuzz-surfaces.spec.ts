import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Frame, type Page } from '@playwright/test';
import type {} from '../../src/app/test-hooks';
import type {} from '../../src/features/embed/start-embed';
import { frames, openLab } from './helpers';
import {
  PROGRESS_FILE,
  RECORD,
  SCENARIO_FILE,
  badMessage,
  damaged,
  draw,
  linkCase,
  MARKUP,
  namesField,
  parsed,
  shellLine,
  unharmed,
  watch,
} from './fuzz-cases';

// Every input surface of the built page, fuzzed (issue 11): the address and `#r=` links, saved
// progress in localStorage, imported files, shell lines, the embed's commands from its host and
// from another origin, and the presenter's channel — cases drawn with one seed from the property
// tests' hostile values. After each: no dialog, no uncaught error, no global set by a payload,
// and the page answers within 5 s; a refusal names its field, saved progress stays as it was,
// messages that fail are counted and never answered.

const running = () => window.__mklab?.phase() === 'running';
const answers = () => typeof window.__mklab?.t() === 'number';
const BOOT = { timeout: 20_000 };
/** A saved record of another lesson, which nothing in these cases may change. */
const SAVED = JSON.stringify({ v: 2, rev: 1, by: 'fuzz', entry: null, finished: true, reached: 0 });
const savedRoots = (page: Page) =>
  page.evaluate(() => localStorage.getItem('mklab.progress.roots'));

test('the address and #r= links: a bad link names its field, saved progress is kept', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const seen = watch(page);
  await openLab(page);
  await page.evaluate((s) => localStorage.setItem('mklab.progress.roots', s), SAVED);
  let refused = 0;
  for (const c of draw(linkCase, 16)) {
    const q = new URLSearchParams([['testhooks', ''], ...c.params]).toString();
    // A new document each time (a change of the fragment alone would not reload the page).
    await page.goto('about:blank');
    await page.goto(`/?${q}${c.r === null ? '' : `#r=${c.r.r}`}`);
    await page.waitForFunction(running, undefined, BOOT);
    await unharmed(page, seen, answers);
    expect(await savedRoots(page)).toBe(SAVED);
    const notice = page.getByTestId('link-notice');
    if (c.r?.bad) await expect(notice).toHaveAttribute('data-kind', 'refused');
    if (c.r === null || (await notice.count()) === 0) continue;
    if ((await notice.getAttribute('data-kind')) !== 'refused') continue;
    const doc = parsed(Buffer.from(c.r.r, 'base64url').toString('utf8'));
    const said = (await notice.textContent()) ?? '';
    expect(namesField(said, 'share.notice.refused', doc), said).toBe(true);
    refused++;
  }
  expect(refused).toBeGreaterThan(8);
});

test('saved progress in localStorage: what cannot be read is set aside unchanged, with a notice', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const seen = watch(page);
  await openLab(page);
  const key = 'mklab.progress.crash-containment';
  let setAside = 0;
  for (const text of draw(damaged(RECORD), 14)) {
    await page.evaluate(
      ([k, t, other]) => {
        localStorage.clear();
        localStorage.setItem(k as string, t as string);
        localStorage.setItem('mklab.progress.roots', other as string);
      },
      [key, text, SAVED],
    );
    await page.goto('/?testhooks&lesson=crash-containment');
    await page.waitForFunction(running, undefined, BOOT);
    await unharmed(page, seen, answers);
    expect(await savedRoots(page)).toBe(SAVED);
    const aside = await page.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith('mklab.aside.'))
        .map((k) => (JSON.parse(localStorage.getItem(k) ?? '{}') as { text: string }).text),
    );
    if (aside.length === 0) continue;
    expect(aside).toEqual([text]);
    // It names what it set aside (the key; its first bad field too: tests/unit/progress).
    const notice = page.getByTestId('lesson-notice');
    await expect(notice).toContainText('could not be read');
    await expect(notice).toContainText(key);
    setAside++;
  }
  expect(setAside).toBeGreaterThan(8);
});

/** Import `text` through a file input, and the refusal it shows (null when it was taken). */
async function importFile(page: Page, kind: string, text: string): Promise<string | null> {
  await page.getByTestId(`import-${kind}-file`).setInputFiles({
    name: 'fuzz.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  // The change took effect by the next frame; the import is over when its button is back.
  await frames(page, 1);
  await expect(page.getByTestId(`import-${kind}`)).toBeEnabled(BOOT);
  const refused = page.getByTestId(`${kind}-file-problem`);
  await expect(refused.or(page.getByTestId(`${kind}-file-ok`))).toBeVisible();
  return (await refused.count()) > 0 ? await refused.textContent() : null;
}

test('imported files: refused naming the field, and the machine and saved progress are kept', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const seen = watch(page);
  await openLab(page, '&scenario=two-kernels');
  const pause = async () => {
    await page.waitForFunction(running, undefined, BOOT);
    await page.evaluate(() => window.__mklab?.setPlaying(false));
    await frames(page, 2);
    return page.evaluate(() => window.__mklab?.hash());
  };
  let machine = await pause();
  let refused = 0;
  for (const text of draw(damaged(SCENARIO_FILE), 10)) {
    const said = await importFile(page, 'scenario', text);
    await unharmed(page, seen, answers);
    if (said === null) machine = await pause();
    else expect(namesField(said, 'share.scenario.refused', parsed(text)), said).toBe(true);
    if (said !== null) refused++;
    expect(await page.evaluate(() => window.__mklab?.hash())).toBe(machine);
  }
  await page.getByTestId('lessons-open').click();
  const stored = () => page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  let kept = await stored();
  for (const text of draw(damaged(PROGRESS_FILE), 10, 7)) {
    const said = await importFile(page, 'progress', text);
    await unharmed(page, seen, answers);
    if (said === null) kept = await stored();
    else expect(namesField(said, 'share.progress.refused', parsed(text)), said).toBe(true);
    if (said !== null) refused++;
    expect(await stored()).toBe(kept);
  }
  expect(refused).toBeGreaterThan(12);
});

test('shell lines: what is not a command gets the shell’s error, script shows as text', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const seen = watch(page);
  await openLab(page);
  await page.evaluate(() => window.__mklab?.setPlaying(false));
  await frames(page, 2);
  const machine = await page.evaluate(() => window.__mklab?.hash());
  const entries = page.getByTestId('shell-entry');
  let failed = 0;
  const lines = draw(shellLine, 24);
  for (const line of lines) {
    const n = await entries.count();
    const logged = await page.evaluate(() => window.__mklab?.logLength());
    await page.getByTestId('shell-input').fill(line);
    await page.getByTestId('shell-input').press('Enter');
    await expect(entries).toHaveCount(n + 1, BOOT);
    const last = entries.last();
    await unharmed(page, seen, answers);
    expect(await page.evaluate(() => window.__mklab?.hash())).toBe(machine);
    if (line === `echo '${MARKUP}'`) await expect(last.locator('pre')).toHaveText(MARKUP);
    if ((await last.getAttribute('data-exit')) !== '0') {
      if (!line.startsWith('echo ')) failed++;
      await expect(last.locator('.sh-err, .sh-note').first()).not.toBeEmpty();
    }
    // A line too long for the log is answered on the page and never logged.
    if (line.length > 1000)
      expect(await page.evaluate(() => window.__mklab?.logLength())).toBe(logged);
    await expect(last.locator('img, svg, script, iframe')).toHaveCount(0);
  }
  expect(failed).toBeGreaterThan(lines.filter((l) => !l.startsWith('echo ')).length * 0.75);
});

let host: Server;
let hostPage = '';
test.beforeAll(async () => {
  host = createServer((_req, res) => res.end(hostPage));
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
});
test.afterAll(() => new Promise<void>((resolve) => host.close(() => resolve())));

const embedFrame = async (page: Page, id: string): Promise<Frame> => {
  const frame = await (await page.locator(`#${id}`).elementHandle())?.contentFrame();
  if (!frame) throw new Error(`no frame ${id}`);
  await frame.waitForFunction(() => window.__mklabEmbed?.step() === 1, undefined, BOOT);
  return frame;
};

test('embed commands from the allowed host and another origin: ignored, counted, unanswered', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const seen = watch(page);
  const docs = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  const src = (origin: string) =>
    `${baseURL}/embed.html?lesson=crash-containment&step=2&testhooks&origin=${origin}`;
  hostPage =
    `<!doctype html><title>Host</title><script>window.heard=[];addEventListener('message',` +
    `e=>{if(e.data&&e.data.type!=='mklab:resize')heard.push(e.data)})</script>` +
    `<iframe id="allowed" src="${src(docs)}"></iframe>` +
    `<iframe id="foreign" src="${src('https://someone-else.example')}"></iframe>`;
  await page.goto(`${docs}/host`);
  const embeds = [await embedFrame(page, 'allowed'), await embedFrame(page, 'foreign')];
  const state = (f: Frame) =>
    f.evaluate(() => ({ step: window.__mklabEmbed?.step(), t: window.__mklabEmbed?.t() }));
  const before = await Promise.all(
    embeds.map((f) => f.evaluate(() => window.__mklabEmbed?.ignored)),
  );
  const states = await Promise.all(embeds.map(state));
  await page.evaluate(() => ((window as unknown as { heard: unknown[] }).heard.length = 0));
  const sent = await page.evaluate(
    ({ messages, lab }) =>
      ['allowed', 'foreign'].map((id) => {
        const w = document.querySelector<HTMLIFrameElement>(`#${id}`)?.contentWindow;
        let n = 0;
        for (const m of messages) {
          try {
            w?.postMessage(JSON.parse(m), lab);
            n++;
          } catch {
            // Not cloneable (nesting too deep): never sent.
          }
        }
        return n;
      }),
    { messages: draw(badMessage, 40), lab: new URL(baseURL ?? '').origin },
  );
  for (const [i, f] of embeds.entries()) {
    const want = (before[i] ?? 0) + (sent[i] ?? 0);
    await f.waitForFunction((n) => window.__mklabEmbed?.ignored === n, want, BOOT);
    await unharmed(f, seen, () => window.__mklabEmbed?.step() === 1);
    expect(await state(f)).toEqual(states[i]);
  }
  expect(sent[0]).toBeGreaterThan(30);
  expect(await page.evaluate(() => (window as unknown as { heard: unknown[] }).heard)).toEqual([]);
  // The allowed host is still heard, and answered: the protocol was listening all along.
  await page.evaluate(() =>
    document
      .querySelector<HTMLIFrameElement>('#allowed')
      ?.contentWindow?.postMessage({ type: 'mklab:goto', v: 1, step: 3 }, '*'),
  );
  await page.waitForFunction(() =>
    (window as unknown as { heard: { type: string }[] }).heard.some((m) => m.type === 'mklab:step'),
  );
  await unharmed(page, seen, () => true);
});

test('presenter channel messages that fail are counted and never answered', async ({ page }) => {
  const seen = watch(page);
  await openLab(page, '&present');
  await page.evaluate(() => window.__mklab?.setPlaying(false));
  await page.waitForFunction(() => sessionStorage.getItem('mklab.presenter.session') !== null);
  await frames(page, 2);
  const before = await page.evaluate(() => window.__mklab?.channelIgnored() ?? -1);
  const sent = await page.evaluate(
    (messages) => {
      const name = `mklab:present:${sessionStorage.getItem('mklab.presenter.session')}`;
      const channel = new BroadcastChannel(name);
      const heard: string[] = [];
      Object.assign(window, { heard });
      channel.onmessage = (e: MessageEvent<{ type: string }>) => heard.push(e.data.type);
      let n = 0;
      for (const m of messages) {
        try {
          channel.postMessage(JSON.parse(m));
          n++;
        } catch {
          // Not cloneable: never sent.
        }
      }
      channel.postMessage({ v: 1, type: 'hello' });
      return n;
    },
    draw(badMessage, 40, 11),
  );
  await page.waitForFunction((n) => window.__mklab?.channelIgnored() === n, before + sent, BOOT);
  // The valid hello is answered (its machine, then its state); nothing before it was.
  await page.waitForFunction(() => (window as unknown as { heard: string[] }).heard.length >= 2);
  expect(await page.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual([
    'sync',
    'state',
  ]);
  await unharmed(page, seen, answers);
});
