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
