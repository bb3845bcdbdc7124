// @lint-as: src/contract/__fixture__.ts
// @expect: no-restricted-properties
// The contract is pure too: both sides must compute the same thing.
export const roll = () => Math.random();
