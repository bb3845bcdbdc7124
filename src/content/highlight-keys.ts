import type { Highlight } from './types';

/**
 * The `data-hl` keys a step's declared highlight targets stand for. Each highlightable element
 * of the page carries one key (`cpu:4`, `kernel:db`, `device:0000:03:00.0`, `memory`, `pool`,
 * `ring:db`, `metric:web`, `timeline`, `shell`, `twin`, `card`); the ones listed here are drawn
 * highlighted. Pure, so the end-to-end tests compare the page against it.
 */
export function highlightKeys(h: readonly Highlight[]): string[] {
  const keys = h.flatMap((x): string[] => {
    switch (x.kind) {
      case 'cpu':
        return x.ids.map((id) => `cpu:${id}`);
      case 'kernel':
        return x.names.map((name) => `kernel:${name}`);
      case 'device':
        return [`device:${x.pci}`];
      case 'ring':
        return [`ring:${x.name}`];
      case 'metric':
        return [`metric:${x.workload}`];
      default:
        return [x.kind];
    }
  });
  return [...new Set(keys)];
}
