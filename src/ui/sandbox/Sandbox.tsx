// Stub: replaced by the sandbox controls (helper C).
export function Sandbox() {
  return null;
}
