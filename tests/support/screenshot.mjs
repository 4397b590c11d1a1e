// Takes screenshots of built pages for a person to look at: node tests/support/screenshot.mjs URL OUT [width] [theme]
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';

const [url, out, width = '1280', theme = 'light', wait = '1500'] = process.argv.slice(2);
const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
const browser = await chromium.launch({
  executablePath,
  args: [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
  ],
});
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
page.on('console', (message) => console.log(`[console.${message.type()}] ${message.text()}`));
page.on('request', (request) => {
  const host = new URL(request.url()).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost')
    console.log(`[external request] ${request.url()}`);
});
await page.addInitScript((mode) => localStorage.setItem('starlight-theme', mode), theme);
await page.goto(url);
await page.waitForTimeout(Number(wait));
await page.screenshot({ path: out, fullPage: process.env.FULL === '1' });
await browser.close();
