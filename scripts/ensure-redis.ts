// `npm run test:services` (a step of `npm test`): the servers that tests start for themselves
// are there. Now one: redis-server, for the class session's several-nodes test
// (tests/unit/class/several-nodes.test.ts). Like test:browser for Chromium, it installs what is
// missing when it can (root on Debian/Ubuntu: apt-get), else says how to get it by hand.
import { spawnSync } from 'node:child_process';
import { redisServerPath } from '../tests/unit/class/redis-harness';

const found = redisServerPath();
if (found) {
  console.log(`redis-server: using ${found}`);
  process.exit(0);
}
const root = process.getuid?.() === 0;
const apt = spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;
if (root && apt) {
  console.log(
    "redis-server: none found; installing Debian's package: apt-get install -y redis-server…",
  );
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args: string[]) => spawnSync('apt-get', args, { stdio: 'inherit', env }).status;
  if (run(['install', '-y', 'redis-server']) !== 0) run(['update']);
  if (!redisServerPath()) run(['install', '-y', 'redis-server']);
}
const after = redisServerPath();
if (after) {
  console.log(`redis-server: installed ${after}`);
  process.exit(0);
}
console.error(
  `redis-server: not found, and ${root && apt ? 'apt-get could not install it' : 'this machine cannot install it here (needs root and apt-get)'}.\n` +
    'Install Redis (https://redis.io/docs/latest/operate/oss_and_stack/install/), so that `redis-server` is on PATH, then run npm test again.',
);
process.exit(1);
