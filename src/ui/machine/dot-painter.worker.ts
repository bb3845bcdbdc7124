import { PaintedSheets, type PainterMessage } from './dot-sheets';

// The message dots' worker: it draws the tiles the page hands it (dot-painter.ts), so a frame's
// drawing, and the browser's flush of each changed canvas, are off the page's thread.

interface Scope {
  onmessage: ((e: MessageEvent<PainterMessage>) => void) | null;
  postMessage(m: 'ready'): void;
}

const scope = self as unknown as Scope;
const sheets = new PaintedSheets();
scope.onmessage = (e) => sheets.handle(e.data);
scope.postMessage('ready');
