// @lint-as: src/sim/__fixture__.ts
// @expect: no-restricted-properties
// Transcendental Math results may differ across engines: integer math only.
export const dist = (x: number, y: number): number => Math.sqrt(x * x + y * y);
