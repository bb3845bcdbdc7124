// @lint-as: src/ui/__fixture__.tsx
// @expect: no-restricted-syntax
// Only src/app may load the sim on the main thread (debug switch).
export const load = () => import('../sim/machine');
