// A workload's requests waiting on a backend or a device: [request id, arrival time] pairs in one
// flat number[], ascending by id. Plain numbers clone cheaply and cost no allocation as entries
// come and go (an object keyed by ids fell into dictionary mode; a Map reallocated its table as it
// shrank and grew around its few entries).

/** Request `req` (arrived at `born`) now waits; a request already waiting gets the new time. */
export function waitFor(list: number[], req: number, born: number): void {
  // Ids are handed out in order, so a new one nearly always goes at the end.
  let i = list.length;
  while (i > 0 && (list[i - 2] as number) > req) i -= 2;
  if (i > 0 && list[i - 2] === req) {
    list[i - 1] = born;
    return;
  }
  list.push(req, born);
  for (let j = list.length - 1; j > i + 1; j--) list[j] = list[j - 2] as number;
  list[i] = req;
  list[i + 1] = born;
}

/** Takes request `req` off the list: when it arrived, or undefined when it was not waiting. */
export function stopWaiting(list: number[], req: number): number | undefined {
  for (let i = 0; i < list.length; i += 2) {
    if (list[i] !== req) continue;
    const born = list[i + 1];
    for (let j = i + 2; j < list.length; j++) list[j - 2] = list[j] as number;
    // pop, not `length =`: an emptied array keeps its storage for the next request.
    list.pop();
    list.pop();
    return born;
  }
  return undefined;
}

/** Takes off every request that arrived before `cutoff`; returns their ids, oldest id first. */
export function takeOlderThan(list: number[], cutoff: number): number[] {
  const late: number[] = [];
  let keep = 0;
  for (let i = 0; i < list.length; i += 2) {
    const req = list[i] as number;
    const born = list[i + 1] as number;
    if (born <= cutoff) late.push(req);
    else {
      list[keep++] = req;
      list[keep++] = born;
    }
  }
  while (list.length > keep) list.pop();
  return late;
}

export function waitingCount(list: readonly number[]): number {
  return list.length / 2;
}
