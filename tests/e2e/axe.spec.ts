import { expect, test } from '@playwright/test';
import { axeViolations } from './axe';

// The helper the lesson walk relies on must see a violation when there is one.
test('axeViolations reports what axe finds, and nothing on a clean page', async ({ page }) => {
  await page.setContent(
    '<!doctype html><html lang="en"><head><title>t</title></head><body><main><img src="x.png"><button></button></main></body></html>',
  );
  const found = await axeViolations(page);
  expect(found.some((v) => v.startsWith('image-alt'))).toBe(true);
  expect(found.some((v) => v.startsWith('button-name'))).toBe(true);
  await page.setContent(
    '<!doctype html><html lang="en"><head><title>t</title></head><body><main><h1>Fine</h1></main></body></html>',
  );
  expect(await axeViolations(page)).toEqual([]);
});

test('the WCAG 2.2 AA rules axe leaves out by default run too: label in name, target size', async ({
  page,
}) => {
  await page.setContent(
    '<!doctype html><html lang="en"><head><title>t</title></head><body><main>' +
      '<button aria-label="Kernel host, id 0">host · 0</button>' +
      '<button style="width:10px;height:10px;padding:0;border:0" aria-label="x">x</button>' +
      '<button style="width:10px;height:10px;padding:0;border:0" aria-label="y">y</button>' +
      '</main></body></html>',
  );
  const found = await axeViolations(page);
  expect(found.some((v) => v.startsWith('label-content-name-mismatch'))).toBe(true);
  expect(found.some((v) => v.startsWith('target-size'))).toBe(true);
});
