// Stub: replaced by the inspector (helper C).
export function Inspector() {
  return null;
}
