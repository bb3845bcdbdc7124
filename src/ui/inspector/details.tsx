// The inspector's detail panes, one module per kind of thing; this entry keeps the old import path.

export { ConstantDetails } from './ConstantDetails';
export { CpuDetails, DeviceDetails } from './HardwareDetails';
export { KernelDetails } from './KernelDetails';
export { MessageDetails } from './MessageDetails';
export { WorkloadDetails } from './WorkloadDetails';
