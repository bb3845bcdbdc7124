// @lint-as: src/app/sim-host.ts
// @expect: none
// Allowed: the one composition-root module loads the simulator on the page on demand.
import { expose } from 'comlink';

export const start = (port: MessagePort) =>
  import('../worker/api').then(({ createSimApi }) => expose(createSimApi(), port));
