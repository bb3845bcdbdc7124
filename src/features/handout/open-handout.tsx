import { createRoot } from 'react-dom/client';
import type { LessonSlug } from '../../contract';
import { Handout } from './Handout';

/**
 * Show the handout over the page (one at a time). While it is open the page is marked so that
 * printing prints the handout alone (handout.css); closing gives the page back, focus included.
 */
export function openHandout(slug: LessonSlug): void {
  if (document.querySelector('.handout')) return;
  const back = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const host = document.createElement('div');
  host.className = 'handout-host';
  document.body.append(host);
  document.body.classList.add('handout-open');
  const root = createRoot(host);
  const close = () => {
    root.unmount();
    host.remove();
    document.body.classList.remove('handout-open');
    back?.focus();
  };
  root.render(<Handout slug={slug} onClose={close} />);
}
