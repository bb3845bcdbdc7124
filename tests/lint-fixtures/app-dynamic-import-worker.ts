// @lint-as: src/app/nested/__fixture__.ts
// @expect: no-restricted-syntax
// A dynamic import of the worker's code outside src/app/sim-host.ts.
export const load = () => import('../../worker/api');
