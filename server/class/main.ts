// `npm run class`: the built lab and the live class's session server on one port of this
// computer, reachable from the local network; prints the teacher's link, the students' link,
// the room code and a QR code of the students' link (docs/classroom.md).
//   --port 4410   --host 0.0.0.0   --site dist   --build (rebuild even if dist/ exists)
//   --bare (the session server alone)
//   CLASS_REDIS=host:port  several nodes share rooms' documents through Redis
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { renderUnicodeCompact } from 'uqr';
import { formatRoomCode } from '../../src/contract/class-session';
import { startClassServer } from './class-server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.CLASS_PORT ?? '4410' },
    host: { type: 'string', default: '0.0.0.0' },
    site: { type: 'string', default: 'dist' },
    build: { type: 'boolean', default: false },
    // The session server alone, no site (the load script, a server behind a separate web host).
    bare: { type: 'boolean', default: false },
  },
});

const site = values.bare ? null : path.resolve(values.site);
if (site && (values.build || !existsSync(path.join(site, 'index.html')))) {
  console.log(`Building the lab into ${site} …`);
  const built = spawnSync('npx', ['vite', 'build', '--outDir', site], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

/** The address other devices on the network reach this computer at (the first IPv4 one). */
function lanAddress(): string {
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return '127.0.0.1';
}

/** `CLASS_REDIS=host:port`: this node shares rooms with the others through that Redis. */
function redisAt(): { host: string; port: number } | undefined {
  const at = process.env.CLASS_REDIS;
  if (!at) return undefined;
  const [host = '127.0.0.1', port = '6379'] = at.split(':');
  return { host, port: Number(port) };
}

const redis = redisAt();
const server = await startClassServer({
  host: values.host,
  port: Number(values.port),
  site,
  ...(redis ? { redis } : {}),
});
const room = await server.createRoom();
if (!room) throw new Error('no room could be made');
const base = `http://${values.host === '0.0.0.0' ? lanAddress() : values.host}:${server.port}/`;
const students = `${base}?class=${room.code}`;

console.log(`
Multikernel Lab — live class on ${base}

Teacher, on this computer (keep this link to yourself: it lets you publish):
  http://localhost:${server.port}/?present#class=${room.code}.${room.token}

Students: scan, or open ${base}?class and type the code  ${formatRoomCode(room.code)}
  ${students}

${renderUnicodeCompact(students, { border: 1 })}
Nothing is written to disk; the class ends when this stops (Ctrl+C).`);

// The load script (scripts/bench-class.ts) reads the server's memory from here.
const every = Number(process.env.CLASS_MEMORY_LOG ?? 0);
if (every > 0)
  setInterval(() => {
    const m = process.memoryUsage();
    console.log(`memory heapUsed=${m.heapUsed} rss=${m.rss}`);
  }, every).unref();

const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
