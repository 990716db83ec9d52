/**
 * The report in a real headless browser (Debian chromium): loads without console or page errors,
 * makes no network request, and its SVG charts have marks. Skipped only when chromium is absent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { writeReport } from '../../src/report/html/write.ts';
import { smallRun } from './fixtures.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (apt-get install chromium)`;

test('the report renders in headless chromium with charts, no errors and no network', { skip, timeout: 90_000 }, async () => {
  const [classification, regression] = [await smallRun('iris', 'class'), await smallRun('diabetes', 'target', { maxTrials: 3, resampling: 'holdout' })];
  const dir = mkdtempSync(join(tmpdir(), 'automl-browser-'));
  const profile = join(dir, 'profile');
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS });
  try {
    for (const [name, run] of [['classification', classification], ['regression', regression]] as const) {
      const file = join(dir, `${name}.html`);
      writeReport(run.runDir, file);
      const url = pathToFileURL(file).href;
      const page = await context.newPage();
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('request', (request) => {
        if (request.url() !== url) requests.push(request.url());
      });
      await page.goto(url, { waitUntil: 'load' });
      assert.deepEqual(problems, [], `${name}: console or page errors`);
      assert.deepEqual(requests, [], `${name}: the page made network requests`);

      const charts = await page.$$eval('svg.chart', (svgs) => svgs.map((svg) => ({ label: svg.getAttribute('aria-label') ?? '', marks: svg.querySelectorAll('path, rect, circle').length, width: svg.getBoundingClientRect().width })));
      const byLabel = new Map(charts.map((c) => [c.label, c]));
      const expected = ['Best validation cost over time', 'Best validation cost over trials', 'Trials per algorithm', 'Ensemble members and weights', 'Permutation feature importance', ...(name === 'classification' ? ['Confusion matrix', 'Reliability diagram'] : ['Residuals'])];
      for (const label of expected) {
        const chart = byLabel.get(label);
        assert.ok(chart !== undefined, `${name}: chart "${label}" is missing (have ${[...byLabel.keys()].join(', ')})`);
        assert.ok(chart.marks > 0, `${name}: chart "${label}" has no marks`);
        assert.ok(chart.width > 100, `${name}: chart "${label}" is not laid out`);
      }
      if (name === 'classification') assert.equal(await page.$$eval('#diagnostics svg rect', (r) => r.length), 9, 'iris confusion matrix has 3×3 cells');
      assert.ok((await page.$$eval('#leaderboard tbody tr', (rows) => rows.length)) >= 1);

      const shot = join(dir, `${name}.png`);
      await page.screenshot({ path: shot, fullPage: true });
      const png = readFileSync(shot);
      assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'screenshot is a PNG');
      assert.ok(statSync(shot).size > 20_000, `${name}: screenshot is suspiciously small (${statSync(shot).size} bytes)`);
      const height = png.readUInt32BE(20);
      assert.ok(height > 1500, `${name}: page is only ${height}px tall`);
      await page.close();
    }
  } finally {
    await context.close();
    if (process.env['AUTOML_KEEP_SCREENSHOTS'] === undefined) rmSync(dir, { recursive: true, force: true });
    else process.stderr.write(`screenshots kept in ${dir}\n`);
  }
});
