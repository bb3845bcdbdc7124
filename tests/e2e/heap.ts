import type { CDPSession, Page } from '@playwright/test';

// Heap sizes of the page and of its simulation worker, after a full garbage collection, read
// through the Chrome DevTools Protocol. The worker has no CDP session of its own in Playwright:
// the page's session attaches to it (Target.setAutoAttach, not flattened) and talks to it through
// Target.sendMessageToTarget.

export interface Heaps {
  readonly page: number;
  readonly worker: number;
}

export interface HeapProbe {
  read(): Promise<Heaps>;
}

export async function heapProbe(page: Page): Promise<HeapProbe> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const replies = new Map<number, (result: unknown) => void>();
  let nextId = 1;
  const worker = new Promise<string>((resolve) => {
    cdp.on('Target.attachedToTarget', (e) => {
      if (e.targetInfo.type === 'worker') resolve(e.sessionId);
    });
  });
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const msg = JSON.parse(e.message) as { id?: number; result?: unknown };
    if (msg.id !== undefined) replies.get(msg.id)?.(msg.result);
  });
  await cdp.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: false,
    flatten: false,
  });
  const sessionId = await worker;
  const inWorker = <T>(method: string, params: object = {}): Promise<T> => {
    const id = nextId++;
    const reply = new Promise<T>((resolve) => replies.set(id, resolve as (r: unknown) => void));
    void cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id, method, params }),
    });
    return reply;
  };
  return {
    async read() {
      await cdp.send('HeapProfiler.collectGarbage');
      await inWorker('HeapProfiler.collectGarbage');
      const pageHeap = await cdp.send('Runtime.getHeapUsage');
      const workerHeap = await inWorker<{ usedSize: number }>('Runtime.getHeapUsage');
      return { page: pageHeap.usedSize, worker: workerHeap.usedSize };
    },
  };
}
