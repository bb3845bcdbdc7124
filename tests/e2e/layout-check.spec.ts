import { expect, test } from '@playwright/test';
import { layoutProblems } from './layout-check';

test('the layout check finds each kind of problem it claims to', async ({ page }) => {
  await page.setViewportSize({ width: 400, height: 600 });
  await page.setContent(`
    <p style="font-size:16px">fine text</p>
    <p style="font-size:10px">tiny text</p>
    <div style="width:60px;overflow:hidden;white-space:nowrap">a long line that is cut off</div>
    <div style="position:relative;height:30px">
      <span style="position:absolute;left:0;top:0">first label</span>
      <span style="position:absolute;left:10px;top:2px">second label</span>
    </div>
    <div style="width:900px">wide</div>
    <svg viewBox="0 0 100 20" width="50"><text x="0" y="15" font-size="14">svg tiny</text></svg>
    <button style="width:40px;white-space:nowrap;overflow:visible">Cargar (load)</button>
    <table style="width:30px;table-layout:fixed"><tr><td style="white-space:nowrap">Instancia de kernel</td></tr></table>
    <details><summary>closed group</summary><p style="font-size:8px">hidden inside</p></details>
  `);
  const problems = (await layoutProblems(page)).join('\n');
  expect(problems).toMatch(/scrolls sideways/);
  expect(problems).toMatch(/under 12 px \(10\.0 px\): "tiny text"/);
  expect(problems).toMatch(/cut off by its box: "a long line/);
  expect(problems).toMatch(/text over other text: "first label" and "second label"/);
  expect(problems).toMatch(/under 12 px \(7\.0 px\): "svg tiny"/);
  expect(problems).toMatch(/label wider than its box: "Cargar \(load\)"/);
  expect(problems).toMatch(/label wider than its box: "Instancia de kernel"/);
  expect(problems).not.toMatch(/fine text/);
  expect(problems).not.toMatch(/hidden inside/);
});
