// Makes sure the browser tests have a Chromium: Debian's when it is installed, otherwise
// Playwright's own build, downloaded once by `playwright install chromium`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) =>
  existsSync(path),
);

if (process.env.CHROMIUM_PATH || systemChromium) {
  console.log(`Browser tests use ${process.env.CHROMIUM_PATH || systemChromium}`);
} else {
  console.log('No system Chromium found: installing Playwright Chromium');
  const result = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(
      'Installing Playwright Chromium failed. Install Chromium yourself (on Debian: apt-get install chromium) or set CHROMIUM_PATH to its executable, then run the tests again.',
    );
    process.exit(result.status ?? 1);
  }
}
