// Serves the built Kaoto pages (dist/) and a Kaoto catalog library on localhost, opens them in headless Chromium with
// that library as their catalog URL, and checks that Kaoto's catalog shows the Segment component and every Kamelet, and
// that its design canvas shows a route's Segment nodes and opens the segment node's form.
// Usage: node check.mjs LIBRARY KAMELETS_DIR SCREENSHOT_FILE, where LIBRARY is the library's folder, or the URL of its
// index.json where it is already served (e.g. http://localhost:8000/index.json, as docs/low-code.md serves it).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [library, kameletDir, screenshot] = process.argv.slice(2);
const served = /^https?:/.test(library);
const roots = served ? { '/app/': path.resolve('dist') } : { '/app/': path.resolve('dist'), '/catalog/': path.resolve(library) };
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2' };

const server = http.createServer((request, response) => {
  const url = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
  const prefix = Object.keys(roots).find((p) => url.startsWith(p));
  const file = prefix && path.join(roots[prefix], url.slice(prefix.length));
  if (!file || !file.startsWith(roots[prefix]) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream' });
  fs.createReadStream(file).pipe(response);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const kamelets = fs.readdirSync(kameletDir).filter((f) => f.endsWith('.kamelet.yaml'))
  .map((f) => f.replace('.kamelet.yaml', '')).sort();
const ROUTE = `- route:
    id: orders-to-segment
    from:
      uri: timer:orders
      steps:
        - to:
            uri: segment:track
            parameters:
              event: Order Completed
        - to:
            uri: kamelet:segment-track-sink
            parameters:
              writeKey: "{{segment.writeKey}}"
`;
const LOG_ROUTE = `- route:
    id: orders-to-segment
    from:
      uri: timer:orders
      steps:
        - log:
            message: Order received
`;
const results = [];
function check(what, ok) {
  results.push(ok);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('response', (r) => { if (r.status() >= 400) console.log(`     (${r.status()} ${r.url()})`); });
  const catalogUrl = served ? library : `${base}/catalog/index.json`;
  await page.goto(`${base}/app/index.html?catalogUrl=${encodeURIComponent(catalogUrl)}`);

  const runtime = page.getByTestId('runtime');
  const loaded = await runtime.waitFor({ timeout: 60000 }).then(() => true, () => false);
  const runtimeName = loaded ? (await runtime.textContent()) ?? '' : '';
  check(`Kaoto loaded ${catalogUrl} and picked the runtime "${runtimeName}"`, runtimeName.endsWith('with Segment'));
  if (!loaded) {
    console.log((await page.locator('body').innerText()).slice(0, 500));
    throw new Error(`Kaoto did not load ${catalogUrl}`);
  }

  await page.getByPlaceholder('Filter by name, description or tag').fill('segment');
  for (const name of ['segment', ...kamelets]) {
    const tile = page.getByTestId(`tile-${name}`);
    const shown = await tile.waitFor({ timeout: 10000 }).then(() => true, () => false);
    const title = shown ? (await tile.locator('.tile__title').innerText()).replace(/\s+/g, ' ') : 'no tile';
    check(`catalog tile ${name}: ${title}`, shown);
  }
  const tiles = await page.locator('[data-testid^="tile-header-"]').count();
  check(`filter "segment" shows ${tiles} tiles: the component and ${kamelets.length} Kamelets`, tiles === kamelets.length + 1);
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(`screenshot: ${screenshot}`);

  // The design canvas, with a route as Kaoto's web app keeps it in local storage: a segment step and a Kamelet step
  const design = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await design.addInitScript((source) => localStorage.setItem('sourceCode', source), ROUTE);
  await design.goto(`${base}/app/design.html?catalogUrl=${encodeURIComponent(catalogUrl)}`);
  for (const label of ['segment', 'kamelet:segment-track-sink']) {
    const node = design.getByText(label, { exact: true });
    const shown = await node.first().waitFor({ timeout: 30000 }).then(() => true, () => false);
    check(`design canvas shows the node ${label}`, shown);
  }
  await design.getByText('segment', { exact: true }).first().click().catch(() => {});
  const form = await design.getByText('Endpoint Properties', { exact: true }).first().waitFor({ timeout: 15000 })
    .then(() => design.getByText('Operation', { exact: true }).first().isVisible(), () => false);
  check('clicking the segment node opens its form, with the Operation field', form);

  // What a user does: on a route with a log step, Append after it, search the catalog for "segment", pick Segment
  const append = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await append.addInitScript((source) => localStorage.setItem('sourceCode', source), LOG_ROUTE);
  await append.goto(`${base}/app/design.html?catalogUrl=${encodeURIComponent(catalogUrl)}`);
  const log = append.getByText('log', { exact: true }).first();
  const appended = await log.waitFor({ timeout: 30000 })
    .then(() => log.click({ button: 'right' }))
    .then(() => append.getByText('Append', { exact: true }).click())
    .then(() => append.getByPlaceholder('Filter by name, description or tag').fill('segment'))
    .then(() => append.getByTestId('tile-header-segment').click())
    .then(() => append.getByText('segment', { exact: true }).first().waitFor({ timeout: 15000 }))
    .then(() => append.evaluate(() => localStorage.getItem('sourceCode')), () => '');
  check('Append after the log step, search "segment", pick Segment: the route gets a segment step',
    /- to:\n\s+id: [\w-]+\n\s+uri: segment\n/.test(appended));
  await append.screenshot({ path: screenshot.replace(/\.png$/, '-appended.png') });

  const canvasShot = screenshot.replace(/\.png$/, '-canvas.png');
  await design.screenshot({ path: canvasShot });
  console.log(`screenshot: ${canvasShot}`);
} finally {
  await browser.close();
  server.close();
}
const failed = results.filter((ok) => !ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
