import type { Page } from '@playwright/test';

/**
 * What a person would see as broken: a page that scrolls sideways, text smaller than 12 px, text
 * cut off by a box that does not scroll, a label wider than its button, cell or form label, text
 * drawn over other text. Runs in the page.
 */
export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1) {
      problems.push(
        `the page scrolls sideways: ${doc.scrollWidth} px wide in ${doc.clientWidth} px`,
      );
    }
    interface Box {
      text: string;
      rects: DOMRect[];
    }
    const boxes: Box[] = [];
    // With a modal dialog open, the page behind it is covered: only the dialog is read.
    const modal = document.querySelector('dialog:modal');
    const walker = document.createTreeWalker(modal ?? document.body, NodeFilter.SHOW_TEXT);
    const short = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const text = (node.textContent ?? '').trim();
      const el = node.parentElement;
      if (!text || !el) continue;
      // Hidden from screen readers is not hidden from eyes: aria-hidden text is checked too.
      if (
        el.closest('.sr-only, noscript, script, style, option, title, desc, dialog:not([open])')
      ) {
        continue;
      }
      const cs = getComputedStyle(el);
      if (cs.visibility === 'hidden' || cs.opacity === '0') continue;
      // Inside a closed <details> (content-visibility: hidden) text still has boxes but is not shown.
      if (
        !el.checkVisibility({
          contentVisibilityAuto: true,
          opacityProperty: true,
          visibilityProperty: true,
        })
      )
        continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0.5 && r.height > 0.5);
      if (rects.length === 0) continue;
      // Text scrolled out of sight inside a scrolling box is not on screen.
      let scroller: Element | null = null;
      for (let a: Element | null = el; a && a !== document.body && !scroller; a = a.parentElement) {
        const st = getComputedStyle(a);
        if (/(auto|scroll)/.test(`${st.overflowX} ${st.overflowY}`)) scroller = a;
      }
      if (scroller) {
        // Only the part inside the scroller's window is on screen: clip to it.
        const sr = scroller.getBoundingClientRect();
        const clipped = rects
          .map((r) => {
            const left = Math.max(r.left, sr.left);
            const top = Math.max(r.top, sr.top);
            const w = Math.min(r.right, sr.right) - left;
            return new DOMRect(left, top, w, Math.min(r.bottom, sr.bottom) - top);
          })
          .filter((r) => r.width > 0.5 && r.height > 0.5);
        if (clipped.length === 0) continue;
        rects.splice(0, rects.length, ...clipped);
      }
      let size = parseFloat(cs.fontSize);
      if (el instanceof SVGGraphicsElement) {
        const ctm = el.getScreenCTM();
        if (ctm) size *= Math.hypot(ctm.a, ctm.b);
      }
      if (size < 11.95) problems.push(`text under 12 px (${size.toFixed(1)} px): ${short(text)}`);
      for (let a: Element | null = el; a && a !== document.body; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
        // A box that scrolls keeps its text reachable; one that hides overflow cuts it off.
        if (/(auto|scroll)/.test(`${s.overflowX} ${s.overflowY}`)) break;
        const ar = a.getBoundingClientRect();
        if (
          rects.some(
            (r) =>
              r.left < ar.left - 1 ||
              r.right > ar.right + 1 ||
              r.top < ar.top - 1 ||
              r.bottom > ar.bottom + 1,
          )
        ) {
          problems.push(`text cut off by its box: ${short(text)}`);
        }
        break;
      }
      // A label wider than its control: text spilling out of a button, a form label, a summary,
      // a table cell or a CPU cell reads as broken even where the box lets it show (issue 16:
      // the Spanish labels, up to 3.8 times the English).
      const control = el.closest('button, label, summary, td, th, [role="button"]');
      const cell = el.closest('.mk-cpu')?.querySelector('rect:not(.mk-focus)');
      const frame = (cell ?? control)?.getBoundingClientRect();
      if (frame && rects.some((r) => r.left < frame.left - 1 || r.right > frame.right + 1)) {
        problems.push(`label wider than its box: ${short(text)}`);
      }
      if (cs.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1) {
        problems.push(`text truncated with an ellipsis: ${short(text)}`);
      }
      boxes.push({ text, rects });
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i] as Box;
        const b = boxes[j] as Box;
        const hit = a.rects.some((r) =>
          b.rects.some((q) => {
            const w = Math.min(r.right, q.right) - Math.max(r.left, q.left);
            const h = Math.min(r.bottom, q.bottom) - Math.max(r.top, q.top);
            return w > 2 && h > 2;
          }),
        );
        if (hit) problems.push(`text over other text: ${short(a.text)} and ${short(b.text)}`);
      }
    }
    return problems;
  });
}
