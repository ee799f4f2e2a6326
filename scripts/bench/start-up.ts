// Start-up time on the embedded engine: from spawning the server to the first
// 200 from /health, for a first start (empty DATA_DIR: engine initialised,
// migrations applied, demo seeded) and for restarts on the same data. Runs the
// production build (`node dist/main.js`, built first when missing or stale) and,
// for comparison, `tsx src/main.ts` as `npm start` does (generation skipped:
// inputs unchanged). The machine's load average is printed with the figures:
// on a shared machine it dominates them.
//
//   npm run bench:start            (BENCH_RESTARTS=3, BENCH_TARGETS=build,tsx)
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, readdirSync } from 'node:fs';
import { loadavg, tmpdir, cpus } from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../src/lib/db/prisma-cli.js';

const RESTARTS = Number(process.env.BENCH_RESTARTS ?? 3);
const TARGETS = (process.env.BENCH_TARGETS ?? 'build,tsx').split(',');
const LIMITS = { first: 15_000, restart: 5_000 };

const commands: Record<string, string[]> = {
  build: [process.execPath, path.join(projectRoot, 'dist/main.js')],
  tsx: [process.execPath, '--import', 'tsx', path.join(projectRoot, 'src/main.ts')],
};

function newest(dir: string): number {
  let latest = 0;
  for (const f of readdirSync(dir, { recursive: true })) latest = Math.max(latest, statSync(path.join(dir, String(f))).mtimeMs);
  return latest;
}

if (TARGETS.includes('build')) {
  const main = path.join(projectRoot, 'dist/main.js');
  if (!existsSync(main) || statSync(main).mtimeMs < newest(path.join(projectRoot, 'src'))) {
    console.log('building (npm run build)…');
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: projectRoot, stdio: 'inherit' });
  }
}

/** Milliseconds from spawn to the first 200 from /health; the server is stopped afterwards. */
async function timeToHealth(command: string[], dataDir: string, port: number): Promise<{ ms: number; phases: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'info' };
  delete env.DATABASE_URL;
  const started = performance.now();
  const child = spawn(command[0], command.slice(1), { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`);
      const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) break;
      if (performance.now() - started > 180_000) throw new Error(`no answer in 180 s:\n${output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const ms = performance.now() - started;
    const phases = output
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { msg: string; sinceStartMs?: number; startedInMs?: number; durationMs?: number })
      .filter((l) =>
        ['embedded database started', 'migrations applied', 'migrations up to date', 'demo data seeded', 'listening'].includes(l.msg),
      )
      .map((l) => `${l.msg} ${l.sinceStartMs ?? l.startedInMs ?? l.durationMs} ms`)
      .join(', ');
    return { ms, phases };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

console.log(
  `Start-up on the embedded engine · ${cpus().length} CPUs · load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
let failed = false;
let port = 4700 + Math.floor(Math.random() * 200);
for (const target of TARGETS) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-start-'));
  try {
    const first = await timeToHealth(commands[target], dataDir, port++);
    console.log(`${target.padEnd(6)} first start  ${(first.ms / 1000).toFixed(1).padStart(5)} s  (${first.phases})`);
    failed ||= first.ms > LIMITS.first;
    for (let i = 1; i <= RESTARTS; i++) {
      const again = await timeToHealth(commands[target], dataDir, port++);
      console.log(`${target.padEnd(6)} restart ${i}    ${(again.ms / 1000).toFixed(1).padStart(5)} s  (${again.phases})`);
      failed ||= again.ms > LIMITS.restart;
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
console.log(
  `targets: first start < ${LIMITS.first / 1000} s, restart < ${LIMITS.restart / 1000} s (load average now ${loadavg()[0].toFixed(1)})`,
);
if (failed) process.exitCode = 1;
