/**
 * A store selector that returns the *same* object while what it derives stays equal as JSON.
 * Frames arrive once per animation frame; forms that list kernels or CPUs should re-render only
 * when that list changes, not when a counter somewhere else ticks. Pure; one cache per selector,
 * so define selectors at module level (they are shared by every component that uses them).
 */
export function jsonMemo<S, T>(derive: (s: S) => T): (s: S) => T {
  let seen = false;
  let lastIn: S | undefined;
  let lastJson = '';
  let last: T;
  return (s: S): T => {
    if (seen && s === lastIn) return last;
    const value = derive(s);
    const json = JSON.stringify(value) ?? 'undefined';
    lastIn = s;
    if (seen && json === lastJson) return last;
    seen = true;
    lastJson = json;
    last = value;
    return value;
  };
}
