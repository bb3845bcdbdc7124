// Stub: replaced by the metrics charts (helper B).
export function Metrics() {
  return null;
}
