// The real effects behind provision.ts: the file system, child processes, Playwright's path.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import type { ProvisionDeps } from './provision';

export const nodeDeps: ProvisionDeps = {
  env: process.env,
  playwrightPath: () => {
    try {
      return chromium.executablePath();
    } catch {
      return undefined; // Playwright has no build for this platform
    }
  },
  exists: existsSync,
  run: (cmd, args, opts) =>
    spawnSync(cmd, args, {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, ...opts?.env },
      timeout: 15 * 60_000,
    }).status,
  isRoot: () => typeof process.getuid === 'function' && process.getuid() === 0,
  which: (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0,
  log: (line) => console.log(line),
};
