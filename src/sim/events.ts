/** Event kinds of the queue. The bench prints the mix by these names. */
export const EV = {
  loadDone: 0,
  mailboxClaim: 1,
  mailboxPoll: 2,
  initSipi: 3,
  bootDone: 4,
  secondaryUp: 5,
  killTimeout: 6,
  parkDone: 7,
  haltPark: 8,
  haltConfirm: 9,
  ipiArrive: 10,
  cpuDone: 11,
  arrival: 12,
  rtRelease: 13,
  metricsTick: 14,
  ioDone: 15,
  floodSend: 16,
  scribbleCrash: 17,
} as const;
export type EventKind = keyof typeof EV;
export const EVENT_NAMES = Object.keys(EV) as EventKind[];
export const EVENT_KIND_COUNT = EVENT_NAMES.length;
