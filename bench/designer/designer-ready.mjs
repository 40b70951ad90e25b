// Times "designer ready" for the main referral process in headless chromium: from navigation start until the page
// says the diagram is drawn and the properties panel is up (#designer[data-ready], data-ready-ms = performance.now()).
// Playwright comes from the browser tests' build (the driver package inside Microsoft.Playwright); chromium is Debian's.
// usage: node bench/designer/designer-ready.mjs <address> [loads]   (run by the bench's designer mode)
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const [address, loadsText = '10'] = process.argv.slice(2);
const candidates = ['Release', 'Debug'].map((c) => join('tests', 'MonitoringWorkflows.Browser.Tests', 'bin', c, 'net10.0', '.playwright', 'package', 'index.mjs'));
const driver = candidates.find(existsSync);
if (!driver) {
  console.error('designer-ready: build tests/MonitoringWorkflows.Browser.Tests first (its .playwright package is used).');
  process.exit(2);
}
const { chromium } = await import(join(process.cwd(), driver));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await (await browser.newContext({ baseURL: address, viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto('/identity/sign-in');
  await page.fill("[name='Input.Email']", 'admin@demo.az');
  await page.fill("[name='Input.Password']", 'Monitoring-Demo-2026');
  await Promise.all([page.waitForURL(/\/$/), page.click("form:has([name='Input.Email']) button[type=submit]")]);
  const times = [];
  for (let i = 0; i < Number(loadsText) + 1; i++) {
    await page.goto('/designer/processes/violenceReportReferral');
    const ready = page.locator('#designer[data-ready="true"]');
    await ready.waitFor({ timeout: 30000 });
    const panel = await page.locator('.bio-properties-panel-header').count();
    if (panel === 0) throw new Error('the properties panel is not there');
    const ms = Number(await ready.getAttribute('data-ready-ms'));
    if (i > 0) times.push(ms); // the first load fills the browser's cache
    else console.log(`designer ready, first (cold) load: ${ms.toFixed(0)} ms`);
  }
  times.sort((a, b) => a - b);
  console.log(`designer ready (violenceReportReferral, ${times.length} warm loads): p50 ${times[Math.floor(times.length / 2)].toFixed(0)} ms, min ${times[0].toFixed(0)} ms, max ${times.at(-1).toFixed(0)} ms`);
} finally {
  await browser.close();
}
