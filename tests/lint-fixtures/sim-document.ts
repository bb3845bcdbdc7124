// @lint-as: src/sim/__fixture__.ts
// @expect: no-restricted-globals
export const title = (): string => document.title;
