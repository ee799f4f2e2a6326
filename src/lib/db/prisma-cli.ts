// Runs the Prisma CLI without its native query engine. Prisma 6.19's CLI checks
// for a native library at start-up and downloads it when absent, which fails on
// machines that reach only the npm registry. Nothing here uses that library (the
// client runs the Wasm query compiler over the pg driver adapter, the CLI its
// Wasm schema engine), so the check is pointed at a file that exists.
// See docs/decisions/001-prisma-offline.md.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export function prismaEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PRISMA_QUERY_ENGINE_LIBRARY: path.join(projectRoot, 'package.json'),
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
    // Generators such as prisma-pothos-types are found on PATH, as under npx.
    PATH: `${path.join(projectRoot, 'node_modules/.bin')}${path.delimiter}${process.env.PATH ?? ''}`,
    ...extra,
  };
}

/**
 * Runs `prisma <args>` in a child process, asynchronously: when the embedded
 * database runs in this process its event loop must keep serving the CLI.
 */
export function runPrisma(args: string[], options: { env?: Record<string, string>; quiet?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'node_modules/prisma/build/index.js'), ...args], {
      cwd: projectRoot,
      env: prismaEnv(options.env),
      stdio: options.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`prisma ${args.join(' ')} exited with ${code}\n${output}`)),
    );
  });
}

/** Applies the committed migrations (`prisma migrate deploy`). */
export function migrateDeploy(databaseUrl: string): Promise<string> {
  return runPrisma(['migrate', 'deploy'], { env: { DATABASE_URL: databaseUrl }, quiet: true });
}
