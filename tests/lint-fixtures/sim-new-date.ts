// @lint-as: src/sim/__fixture__.ts
// @expect: no-restricted-syntax
export const stamp = (): number => new Date().getTime();
