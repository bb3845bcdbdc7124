/** A queued event. Numbers only, so the queue clones cheaply and hashes the same everywhere. */
export interface Ev {
  t: number;
  seq: number;
  k: number;
  a: number;
  b: number;
  c: number;
}

const before = (x: Ev, y: Ev): boolean => x.t < y.t || (x.t === y.t && x.seq < y.seq);

/** Binary min-heap on (t, seq): ties break by the order events were scheduled. */
export function heapPush(h: Ev[], e: Ev): void {
  let i = h.length;
  h.push(e);
  while (i > 0) {
    const p = (i - 1) >> 1;
    const parent = h[p] as Ev;
    if (!before(e, parent)) break;
    h[i] = parent;
    i = p;
  }
  h[i] = e;
}

export function heapPop(h: Ev[]): Ev | undefined {
  const top = h[0];
  const last = h.pop();
  if (top === undefined || last === undefined || h.length === 0) return top;
  const n = h.length;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    let m = l;
    if (r < n && before(h[r] as Ev, h[l] as Ev)) m = r;
    const child = h[m] as Ev;
    if (!before(child, last)) break;
    h[i] = child;
    i = m;
  }
  h[i] = last;
  return top;
}
