import type {} from '../../src/app/test-hooks';
import { rmSync } from 'node:fs';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { cspString } from '../../scripts/csp';
import { reach, typeLine } from './helpers';
import { build, serveStatic, type StaticServer } from './static-server';

// The shipped Content-Security-Policy (scripts/csp.ts), sent as a header the way
// docs/embedding.md tells hosts to, over the build that also carries it as a <meta>: a lesson,
// the shell, the embed, the presenter with its audience window, the slide export, the handout and
// the step video run with no violation reported.

const STATE = { timeout: 30_000 };
let dist = '';
let server: StaticServer;
let lab = '';

test.beforeAll(async () => {
  dist = build('./');
  server = await serveStatic(dist, '/lab/', (file) =>
    file.endsWith('.html')
      ? {
          'content-security-policy': cspString(
            file.endsWith('embed.html')
              ? { 'frame-ancestors': '*' }
              : { 'frame-ancestors': "'none'" },
          ),
        }
      : {},
  );
  lab = server.url;
});

test.afterAll(async () => {
  await server.close();
  rmSync(dist, { recursive: true, force: true });
});

/** Every violation any page of the context reports, as `directive blocked-uri`. */
async function watchViolations(context: BrowserContext): Promise<() => Promise<string[]>> {
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  const logged: string[] = [];
  context.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text()))
      logged.push(`${m.text().slice(0, 40)} @ ${m.location().url}:${m.location().lineNumber}`);
  });
  return async () => {
    const fromPages = await Promise.all(
      context
        .pages()
        .filter((p) => !p.isClosed())
        .map((p) => p.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])),
    );
    return [...fromPages.flat(), ...logged];
  };
}

async function running(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__mklab?.phase() === 'running', null, STATE);
}

test('a lesson, the shell, the embed and the presenter run under the policy with no violation', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const violations = await watchViolations(context);
  const sent: string[] = [];
  page.on('response', (r) => {
    const h = r.headers()['content-security-policy'];
    if (h) sent.push(h);
  });

  // A lesson step played with "show me".
  await page.goto(`${lab}?testhooks&lesson=crash-containment&step=3`);
  await running(page);
  expect(sent.some((h) => h.includes("script-src 'self'"))).toBe(true);
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveCount(1);
  await page.getByTestId('show-me').click();
  await page.waitForFunction(() => window.__mklab?.lesson()?.met.every(Boolean), null, STATE);

  // The handout (pictures drawn on a worker of their own, shown from blob: URLs) and the step
  // video (WebCodecs and the muxer's chunk), started and cancelled.
  await page.getByTestId('handout-open').click();
  await expect(page.getByTestId('handout-print')).toBeEnabled(STATE);
  await page.keyboard.press('Escape');
  await reach(page, 'sandbox');
  await page.getByTestId('video-record').first().click();
  await expect(page.getByTestId('video-progress').first()).toContainText(/: [1-9]/, STATE);
  await page.getByTestId('video-cancel').first().click();
  await expect(page.getByTestId('video-message').first()).toBeVisible(STATE);

  // The sandbox's shell.
  await page.goto(`${lab}?testhooks`);
  await running(page);
  await typeLine(page, 'cat /proc/iomem');
  await expect(page.getByTestId('shell-entry').last()).toContainText('System RAM');

  // The slide export (SVG and PNG go through blob: and data: URLs).
  for (const id of ['export-svg', 'export-png']) {
    await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('sandbox').getByTestId(id).click(),
    ]);
  }

  // The presenter and its audience window.
  await page.goto(`${lab}?testhooks&present&lesson=crash-containment`);
  await running(page);
  const [audience] = await Promise.all([
    context.waitForEvent('page'),
    page.getByTestId('open-audience').click(),
  ]);
  await running(audience);
  const step = await page.evaluate(() => window.__mklab?.lesson()?.step ?? -1);
  await expect(audience.getByTestId('audience-step')).toHaveAttribute(
    'data-step',
    String(step + 1),
    STATE,
  );
  // A step forward: the audience rebuilds its machine, holding the last picture meanwhile.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('ArrowRight');
  await expect(audience.getByTestId('audience-step')).toHaveAttribute(
    'data-step',
    String(step + 2),
    STATE,
  );

  // The embed, played.
  const embed = await context.newPage();
  await embed.goto(`${lab}embed.html?lesson=crash-containment&step=3&testhooks`);
  await running(embed);
  const t0 = await embed.evaluate(() => window.__mklabEmbed?.t() ?? 0);
  await embed.getByTestId('embed-play').click();
  await embed.waitForFunction((t) => (window.__mklabEmbed?.t() ?? 0) > t, t0, STATE);

  expect(await violations()).toEqual([]);
});

// A host may send an older policy, without the hash of index.html's inline script (it changes
// with the first paint's text): that script is blocked, and the app still loads and runs, with only
// the early first paint and the early worker lost.
test('under a policy without the inline script’s hash, the lab still opens and runs', async ({
  page,
}) => {
  const strict = await serveStatic(dist, '/lab/', (file) =>
    file.endsWith('.html')
      ? {
          'content-security-policy': cspString({
            'script-src': "'self'",
            'frame-ancestors': "'none'",
          }),
        }
      : {},
  );
  try {
    const blocked: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) blocked.push(m.text());
    });
    await page.goto(`${strict.url}?testhooks`);
    await running(page);
    await expect(page.getByTestId('start-here')).toBeVisible();
    await expect(page.getByTestId('machine-view')).toBeVisible();
    // The inline script was the one thing refused.
    expect(blocked.length).toBeGreaterThan(0);
    expect(blocked.every((t) => /inline script/i.test(t))).toBe(true);
  } finally {
    await strict.close();
  }
});
