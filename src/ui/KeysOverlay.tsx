// Stub: replaced by the keys overlay (helper C).
export function KeysOverlay() {
  return null;
}
