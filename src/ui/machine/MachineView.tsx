// Stub: replaced by the machine view (helper A).
export function MachineView() {
  return null;
}
export function TwinView() {
  return null;
}
