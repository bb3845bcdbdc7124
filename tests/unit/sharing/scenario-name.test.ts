import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { parseScenarioFile, scenarioFileText } from '../../../src/features/sharing/scenario-file';
import { preset } from '../../../src/sim/presets';
import { ScenarioName } from '../../../src/features/sharing/FileTools';

// A scenario's name comes from a file anyone may have written: the page shows it as text.

describe('an imported scenario name', () => {
  it('holding HTML or script is shown as text, never as markup', () => {
    const name = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const r = parseScenarioFile(
      scenarioFileText({ schema: 'mklab.scenario', v: 1, name, seed: 1, ...preset('web-db') }),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const html = renderToStaticMarkup(createElement(ScenarioName, { name: r.value.name }));
    expect(html).toContain(
      '<strong>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;</strong>',
    );
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
  });
});
