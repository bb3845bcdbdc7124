import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';

// A Redis of the test's own for the class session's several-nodes test: `redis-server` on
// 127.0.0.1 at a free port, saving nothing, stopped by the test. `npm run test:services`
// installs redis-server when the machine has none (scripts/ensure-redis.ts).

export function redisServerPath(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

export interface TestRedis {
  readonly host: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** Starts redis-server and resolves when it accepts connections (at most `timeoutMs`). */
export async function startRedis(timeoutMs = 10_000): Promise<TestRedis> {
  const bin = redisServerPath();
  if (!bin) throw new Error('redis-server is not installed: run `npm run test:services`');
  const port = await freePort();
  const child: ChildProcess = spawn(
    bin,
    ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let said = '';
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`redis-server did not start within ${timeoutMs} ms:\n${said}`));
    }, timeoutMs);
    child.stdout?.on('data', (d: Buffer) => {
      said += d.toString();
      if (said.includes('Ready to accept connections')) {
        clearTimeout(timer);
        ready();
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`redis-server exited (${code}):\n${said}`));
    });
  });
  return {
    host: '127.0.0.1',
    port,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.removeAllListeners('exit');
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
