/** The project's CDN-like static server (gzip on), started on a free loopback port. */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { PROJECT_DIR } from './paths.mjs';

const HOST = '127.0.0.1';
const STARTUP_TIMEOUT_MS = 15_000;

function findFreePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, HOST, () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Serves `directory` with tests/support/static-server.mjs, without `_headers`, and resolves
 * once it listens. Returns its origin and `stop()`.
 */
export async function startStaticServer(directory) {
  const port = await findFreePort();
  const child = spawn(
    process.execPath,
    [
      join(PROJECT_DIR, 'tests', 'support', 'static-server.mjs'),
      '--dir',
      directory,
      '--port',
      String(port),
      '--host',
      HOST,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(
        new Error(
          `The static server did not start within ${STARTUP_TIMEOUT_MS} ms on port ${port}.`,
        ),
      );
    }, STARTUP_TIMEOUT_MS);
    child.stdout.on('data', (chunk) => {
      if (!String(chunk).includes('Serving')) return;
      clearTimeout(timer);
      resolve();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The static server exited with code ${code} before it listened.`));
    });
  });
  return {
    origin: `http://${HOST}:${port}`,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}
