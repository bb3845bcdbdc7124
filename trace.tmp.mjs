import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
const url = process.argv[2];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const ctx = await browser.newContext({ viewport: { width: 412, height: 823 } });
const page = await ctx.newPage();
const cdp = await ctx.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await browser.startTracing(page, { path: '/tmp/trace.json', categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'] });
await page.goto(url);
await page.waitForTimeout(Number(process.argv[3] ?? 6000));
await browser.stopTracing();
await browser.close();
const ev = JSON.parse(readFileSync('/tmp/trace.json', 'utf8')).traceEvents;
const main = ev.filter((e) => e.name === 'RunTask' && e.dur > 50000);
const pid = ev.find((e) => e.name === 'TracingStartedInBrowser')?.args?.data?.frames?.[0]?.processId;
const nav = ev.find((e) => e.name === 'navigationStart' || e.name === 'NavigationStartToFirstContentfulPaint')?.ts ?? main[0]?.ts;
const t0 = ev.filter((e)=>e.name==='navigationStart').map(e=>e.ts).sort()[0] ?? 0;
for (const task of main.filter((e) => !pid || e.pid === pid)) {
  const inside = ev.filter((e) => e.tid === task.tid && e.pid === task.pid && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + task.dur && e.ph === 'X' && e.name !== 'RunTask');
  const sums = {};
  for (const e of inside) { if (['FunctionCall','EvaluateScript','UpdateLayoutTree','Layout','Paint','ParseHTML','TimerFire','FireAnimationFrame','v8.compile','v8.compileModule','v8.evaluateModule','ParseAuthorStyleSheet','EventDispatch','MinorGC','MajorGC','PrePaint','Layerize','RunMicrotasks','HitTest','V8.ParseFunction','v8.parseOnBackground'].includes(e.name)) sums[e.name] = (sums[e.name] ?? 0) + e.dur; }
  const fc = inside.filter(e=>e.name==='FunctionCall').map(e => `${(e.args?.data?.url??'').split('/').pop()}:${e.args?.data?.functionName??''}:${Math.round(e.dur/1000)}`).slice(0,4);
  console.log(`task @${Math.round((task.ts - t0)/1000)} ms ${Math.round(task.dur/1000)} ms`, Object.entries(sums).map(([k,v])=>`${k} ${Math.round(v/1000)}`).join(', '), fc.join(' '));
}
