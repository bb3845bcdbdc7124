import { heapPop, heapPush, type Ev } from './heap';

// The machine's event queue, one Ev[] in either of two layouts, told apart by its ends:
// - sorted, latest first (the usual): the next event is the last element, so taking it is
//   Array.pop, and a new event, most often due soon, walks a few elements in from the end;
// - a binary min-heap (src/sim/heap.ts) once the queue outgrows SORTED_MAX (an IPI flood),
//   where walking a sorted array would cost O(n) per event; back to sorted at SORTED_MIN.
// In a heap the first element is the earliest; sorted, it is the latest. An ascending array is
// already a valid heap, so switching to the heap is a reverse. Either layout pops events in
// (t, seq) order: the same events at the same times, in the same order.
const SORTED_MAX = 64;
const SORTED_MIN = 16;

const earlier = (x: Ev, y: Ev): boolean => x.t < y.t || (x.t === y.t && x.seq < y.seq);
const latestFirst = (x: Ev, y: Ev): number => y.t - x.t || y.seq - x.seq;

function isHeap(q: Ev[], n: number): boolean {
  return n > 1 && earlier(q[0] as Ev, q[n - 1] as Ev);
}

/** Queue an event; ties in time break by `seq`, the order events were scheduled. */
export function queuePush(q: Ev[], e: Ev): void {
  const n = q.length;
  if (isHeap(q, n)) {
    heapPush(q, e);
    return;
  }
  if (n >= SORTED_MAX) {
    q.reverse();
    heapPush(q, e);
    return;
  }
  const t = e.t;
  let i = n;
  q.push(e);
  while (i > 0) {
    const prev = q[i - 1] as Ev;
    if (prev.t > t || (prev.t === t && prev.seq > e.seq)) break;
    q[i] = prev;
    i--;
  }
  q[i] = e;
}

/** The next event, if any, without taking it. */
export function queuePeek(q: Ev[]): Ev | undefined {
  const n = q.length;
  return isHeap(q, n) ? q[0] : q[n - 1];
}

/** Takes the next event if it is due at or before `t`. */
export function queueTakeDue(q: Ev[], t: number): Ev | undefined {
  const n = q.length;
  if (!isHeap(q, n)) {
    const next = q[n - 1];
    if (next === undefined || next.t > t) return undefined;
    q.pop();
    return next;
  }
  if ((q[0] as Ev).t > t) return undefined;
  const next = heapPop(q);
  if (q.length <= SORTED_MIN) q.sort(latestFirst);
  return next;
}

/** Events already handled, reused by `newEv`: no allocation (and no GC) per scheduled event. */
const spare: Ev[] = [];
const SPARE_CAP = 64;

export function newEv(t: number, seq: number, k: number, a: number, b: number, c: number): Ev {
  const e = spare.pop();
  if (e === undefined) return { t, seq, k, a, b, c };
  e.t = t;
  e.seq = seq;
  e.k = k;
  e.a = a;
  e.b = b;
  e.c = c;
  return e;
}

/** Hand back an event taken off the queue and handled; nothing may hold it after. */
export function freeEv(e: Ev): void {
  if (spare.length < SPARE_CAP) spare.push(e);
}
