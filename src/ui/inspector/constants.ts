import type { ConstantName, ProposalVersion, WorkloadKind } from '../../contract';
import type { MessageKey } from '../../i18n';

/**
 * Readable names of the model's timing constants (src/sim/constants.ts). A Record keyed by the
 * sim's own ConstantName: a constant added there fails `tsc` here until it has a name.
 */
export const CONSTANT_TITLES: Readonly<Record<ConstantName, MessageKey>> = {
  mailboxPoll: 'inspector.const.mailboxPoll',
  claimTimeout: 'inspector.const.claimTimeout',
  claimLatency: 'inspector.const.claimLatency',
  spawnBoot: 'inspector.const.spawnBoot',
  apBringup: 'inspector.const.apBringup',
  initSipiDelay: 'inspector.const.initSipiDelay',
  trampoline: 'inspector.const.trampoline',
  imageCopy: 'inspector.const.imageCopy',
  gracefulKillTimeout: 'inspector.const.gracefulKillTimeout',
  nmiLatency: 'inspector.const.nmiLatency',
  park: 'inspector.const.park',
  parkConfirm: 'inspector.const.parkConfirm',
  ipiLatency: 'inspector.const.ipiLatency',
  ipiEntry: 'inspector.const.ipiEntry',
  msgHandler: 'inspector.const.msgHandler',
  quantum: 'inspector.const.quantum',
  metricsWindow: 'inspector.const.metricsWindow',
  requestTimeout: 'inspector.const.requestTimeout',
  stall: 'inspector.const.stall',
  scribbleCrash: 'inspector.const.scribbleCrash',
  deviceIo: 'inspector.const.deviceIo',
  serverInterarrival: 'inspector.const.serverInterarrival',
  serverCost: 'inspector.const.serverCost',
  frontCost: 'inspector.const.frontCost',
  ioInterarrival: 'inspector.const.ioInterarrival',
  ioCost: 'inspector.const.ioCost',
  serviceCost: 'inspector.const.serviceCost',
  rtPeriod: 'inspector.const.rtPeriod',
  rtWcet: 'inspector.const.rtWcet',
  ringEntries: 'inspector.const.ringEntries',
  ringEntryBytes: 'inspector.const.ringEntryBytes',
  slotBytes: 'inspector.const.slotBytes',
  noisyPressure: 'inspector.const.noisyPressure',
  llcPartitionRelief: 'inspector.const.llcPartitionRelief',
};
export const CONSTANT_NAMES = Object.keys(CONSTANT_TITLES) as ConstantName[];

/** The timings behind what a kernel does, by version (facts §1.5, §1.10, §1.11). */
export function kernelTimings(version: ProposalVersion): readonly ConstantName[] {
  return version === 'github'
    ? [
        'imageCopy',
        'mailboxPoll',
        'claimTimeout',
        'claimLatency',
        'spawnBoot',
        'apBringup',
        'gracefulKillTimeout',
        'nmiLatency',
        'parkConfirm',
      ]
    : ['imageCopy', 'initSipiDelay', 'trampoline', 'spawnBoot', 'apBringup'];
}

export const CPU_TIMINGS: readonly ConstantName[] = ['park', 'claimLatency', 'quantum', 'ipiEntry'];

export function messageTimings(version: ProposalVersion): readonly ConstantName[] {
  return version === 'github'
    ? ['ipiLatency', 'ipiEntry', 'msgHandler', 'ringEntries', 'ringEntryBytes']
    : ['ipiLatency', 'ipiEntry', 'msgHandler', 'slotBytes'];
}

export const DEVICE_TIMINGS: readonly ConstantName[] = ['deviceIo'];

export const WORKLOAD_TIMINGS: Readonly<Record<WorkloadKind, readonly ConstantName[]>> = {
  server: ['serverInterarrival', 'serverCost', 'frontCost', 'requestTimeout', 'metricsWindow'],
  service: ['serviceCost', 'metricsWindow'],
  cpu: ['quantum', 'metricsWindow'],
  io: ['ioInterarrival', 'ioCost', 'deviceIo', 'metricsWindow'],
  rt: ['rtPeriod', 'rtWcet', 'metricsWindow'],
  noisy: ['noisyPressure', 'llcPartitionRelief'],
};
