import { describe, expect, it } from 'vitest';
import {
  embeddedFontCss,
  exportName,
  fontUrlFromSrc,
  resolveVars,
  styleDeclaration,
  transformAttribute,
} from '../../../src/features/presenter/svg-export';

const vars: Record<string, string> = {
  '--fg': ' #16181d',
  '--owner-1': '#e69f00',
  '--alias': 'var(--owner-1)',
};
const lookup = (name: string) => vars[name] ?? '';

describe('resolving CSS variables for a standalone file', () => {
  it('replaces variables, nested ones and fallbacks', () => {
    expect(resolveVars('var(--fg)', lookup)).toBe('#16181d');
    expect(resolveVars('var(--alias)', lookup)).toBe('#e69f00');
    expect(resolveVars('var(--missing, red)', lookup)).toBe('red');
    expect(resolveVars('var(--missing, var(--fg))', lookup)).toBe('#16181d');
    expect(resolveVars('var(--missing, rgb(1, 2, 3))', lookup)).toBe('rgb(1, 2, 3)');
    expect(resolveVars('1px solid var(--fg)', lookup)).toBe('1px solid #16181d');
    expect(resolveVars('url(#mk-hatch-1)', lookup)).toBe('url(#mk-hatch-1)');
  });
  it('stops on a variable that refers to itself', () => {
    const loop = (n: string) => (n === '--a' ? 'var(--a)' : '');
    expect(resolveVars('var(--a)', loop)).toBe('');
    expect(resolveVars('0 var(--a) 1', loop)).toBe('0  1');
  });
});

describe('the style written onto each element', () => {
  it('copies what matters and leaves out defaults', () => {
    const computed: Record<string, string> = {
      fill: 'rgb(230, 159, 0)',
      stroke: 'none',
      opacity: '1',
      'font-family': '"Inter Variable", system-ui, sans-serif',
      'font-size': '12px',
      'text-anchor': 'middle',
    };
    const style = styleDeclaration((p) => computed[p] ?? '');
    expect(style).toBe(
      "fill:rgb(230, 159, 0);stroke:none;font-family:'Inter Variable', system-ui, sans-serif;font-size:12px;text-anchor:middle",
    );
  });
});

describe('CSS transforms as SVG attributes', () => {
  it('turns the computed matrix into the attribute every SVG tool reads', () => {
    expect(transformAttribute('matrix(1, 0, 0, 1, 120.5, 48)')).toBe('matrix(1 0 0 1 120.5 48)');
    expect(transformAttribute('none')).toBeNull();
    expect(transformAttribute('')).toBeNull();
    expect(transformAttribute('rotate(45deg)')).toBe('rotate(45deg)');
  });
});

describe('file text, font, sizes and names', () => {
  it('finds the font file and embeds it', () => {
    expect(fontUrlFromSrc('url("/assets/inter.woff2") format("woff2")')).toBe(
      '/assets/inter.woff2',
    );
    expect(fontUrlFromSrc('url(inter.woff2)')).toBe('inter.woff2');
    expect(fontUrlFromSrc('local(Inter)')).toBeNull();
    expect(embeddedFontCss('"Inter Variable"', 'AAAA')).toContain(
      "font-family:'Inter Variable';font-weight:100 900;src:url(data:font/woff2;base64,AAAA)",
    );
  });
  it('names the file after the lesson step, or the machine and time', () => {
    expect(exportName('png', { lesson: 'crash-containment', step: 2, tNs: 5e8 })).toBe(
      'multikernel-crash-containment-step-3.png',
    );
    expect(exportName('svg', { lesson: null, step: null, tNs: 412_345_678 })).toBe(
      'multikernel-machine-412ms.svg',
    );
    expect(exportName('svg', { scenario: 'Two kernels!', tNs: 0 })).toBe(
      'multikernel-two-kernels-0ms.svg',
    );
  });
});
