import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** The real entry point, as `npm start` runs it: start-up on an empty SQLite file, demo, health, SIGTERM. */
describe('the server process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bollplank-process-'));
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts with no configuration but a port, prints the demo accounts, and stops cleanly on SIGTERM', async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        SQLITE_PATH: join(dir, 'app.db'),
        LOG_LEVEL: 'warn',
        HOST: '127.0.0.1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += String(chunk);
    });
    child.stderr?.on('data', (chunk) => {
      output += String(chunk);
    });

    let healthy = false;
    for (let i = 0; i < 100 && !healthy; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      healthy = await fetch(`http://127.0.0.1:${port}/healthz`)
        .then((r) => r.status === 200)
        .catch(() => false);
    }
    expect(healthy, output).toBe(true);
    expect(output).toContain(`http://localhost:${port}`);
    expect(output).toContain('admin@demo.bollplank.se');
    expect(output).toContain('bollplank-demo');

    const exited = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const after = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null);
    expect(after).toBeNull();
  });

  it('refuses to start with a bad variable, naming it', async () => {
    const bad = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { PATH: process.env.PATH, PORT: 'eighty' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    bad.stderr?.on('data', (chunk) => {
      output += String(chunk);
    });
    const code = await new Promise<number | null>((resolve) => bad.on('exit', (c) => resolve(c)));
    expect(code).toBe(1);
    expect(output).toContain('PORT');
  });
});
