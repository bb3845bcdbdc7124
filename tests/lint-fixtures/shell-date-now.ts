// @lint-as: src/shell/__fixture__.ts
// @expect: no-restricted-properties
export const uptime = (): number => Date.now();
