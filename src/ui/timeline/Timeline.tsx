// Stub: replaced by the timeline (helper B).
export function Timeline() {
  return null;
}
