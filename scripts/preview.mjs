// npm run preview: the sample digest as HTML (docs/digest.html) and, where Debian's chromium is installed, a
// phone-width PNG screenshot of it (docs/digest.png) for the README.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEMO_NOW, runDemo } from '../dist/src/cli/demo.js';

const out = resolve('docs');
mkdirSync(out, { recursive: true });
const { html } = await runDemo(new Date(DEMO_NOW));
const htmlPath = resolve(out, 'digest.html');
writeFileSync(htmlPath, html);
console.log(`wrote ${htmlPath}`);

const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
if (!chromium) {
  console.log('chromium not installed (apt-get install -y chromium): no screenshot');
} else {
  const png = resolve(out, 'digest.png');
  for (const [scheme, file] of [
    ['light', png],
    ['dark', resolve(out, 'digest-dark.png')],
  ]) {
    execFileSync(
      chromium,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--hide-scrollbars',
        `--user-data-dir=${resolve(out, '.chromium')}`,
        ...(scheme === 'dark'
          ? ['--force-dark-mode', '--blink-settings=preferredColorScheme=0']
          : ['--blink-settings=preferredColorScheme=1']),
        '--window-size=420,2200',
        `--screenshot=${file}`,
        `file://${htmlPath}`,
      ],
      { stdio: 'ignore' },
    );
    console.log(`wrote ${file}`);
  }
}
