// `npm run test:browser` (a step of `npm test`, and run before e2e, bench:ui and audit): makes sure
// a Chromium is there, installing one when it can (scripts/chromium/provision.ts says how).
import { provisionChromium } from './chromium/provision';
import { nodeDeps } from './chromium/node-deps';

const outcome = provisionChromium(nodeDeps);
if (outcome.ok) {
  console.log(
    `chromium: using ${outcome.path}${outcome.how === 'found' ? '' : ` (installed by ${outcome.how})`}`,
  );
} else {
  console.error(outcome.message);
  process.exit(1);
}
