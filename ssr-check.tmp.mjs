import { chromium } from 'playwright-core';
const base = process.argv[2];
const paths = process.argv.slice(3);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
for (const p of paths) {
  const page = await browser.newPage();
  const logs = [];
  const reqs = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') logs.push(m.type() + ': ' + m.text().slice(0, 3000)); });
  page.on('pageerror', (e) => logs.push('pageerror: ' + e.message));
  page.on('request', (r) => { if (r.url().includes('/v1/') || r.url().includes('/console/')) reqs.push(r.url().replace(base, '')); });
  await page.goto(base + p);
  await page.waitForTimeout(1000);
  console.log('==', p, '\nrequests:', reqs, '\nlogs:', logs);
  console.log('rows', await page.getByTestId('session-row').count());
  await page.close();
}
await browser.close();
