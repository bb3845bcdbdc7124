// @lint-as: src/sim/__fixture__.ts
// @expect: no-restricted-properties
export const roll = (): number => Math.random();
