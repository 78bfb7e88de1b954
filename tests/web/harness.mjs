// Test harness for the browser tests: a small alert store imported from real weekly reports,
// the real `eucomply serve` on 127.0.0.1 with a free port, and headless Chromium (Debian's
// /usr/bin/chromium) driven by playwright-core. Nothing here skips: a missing binary, browser,
// built page or data folder is a failure with a message saying what to do.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

export const SOURCE_DIR = process.env.EUCOMPLY_SOURCE_DIR ?? path.resolve(import.meta.dirname, '../..');
export const BIN = process.env.EUCOMPLY_BIN ?? path.join(SOURCE_DIR, 'build/apps/eucomply/eucomply');
export const SHARED_DIR = process.env.EUCOMPLY_SHARED_DIR ?? path.resolve(SOURCE_DIR, '../shared');
export const SCREENSHOT_DIR =
  process.env.EUCOMPLY_SCREENSHOT_DIR ?? path.join(process.env.EUCOMPLY_BINARY_DIR ?? path.join(SOURCE_DIR, 'build'), 'screenshots');
export const CHROMIUM = process.env.EUCOMPLY_CHROMIUM ?? '/usr/bin/chromium';
export const DIST = path.join(SOURCE_DIR, 'web/dist');

// Weekly reports from 2021 to 2026 (about 850 alerts): enough for facets and charts, quick
// to import.
export const REPORTS = [
  'report_10000078.xml.gz',
  'report_10000091.xml.gz',
  'report_10000165.xml.gz',
  'report_10000214.xml.gz',
  'report_10000247.xml.gz',
  'report_10000291.xml.gz',
];

// Chromium flags: no network of its own (no updates, sync, QUIC), no first-run UI.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--font-render-hinting=none',
];

function must(cond, message) {
  if (!cond) throw new Error(message);
}

export function loadPlaywright() {
  const require = createRequire(path.join(SOURCE_DIR, 'web/package.json'));
  try {
    return require('playwright-core');
  } catch (e) {
    throw new Error(`playwright-core is not installed in web/node_modules (run scripts/build-web): ${e.message}`);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export class Server {
  constructor() {
    this.proc = null;
    this.port = 0;
    this.tmp = '';
    this.log = '';
  }

  get base() {
    return `http://127.0.0.1:${this.port}`;
  }

  async start() {
    must(fs.existsSync(BIN), `eucomply binary not found at ${BIN} (build it first)`);
    must(fs.existsSync(path.join(DIST, 'index.html')), `web/dist/index.html missing: run scripts/build-web (make build does)`);
    const reports = path.join(SHARED_DIR, 'data/safety-gate/weekly-reports');
    must(fs.existsSync(reports), `weekly reports not found in ${reports}`);
    this.tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'eucomply-web-test-'));
    const data = path.join(this.tmp, 'data');
    const files = REPORTS.map((f) => path.join(reports, f));
    const imp = spawnSync(BIN, ['alerts', 'import', '--data', data, ...files], { encoding: 'utf8', timeout: 240_000 });
    must(imp.status === 0, `eucomply alerts import failed (${imp.status}): ${imp.stderr}${imp.stdout}`);

    // The server finds the page in web/dist of the source tree; pass the folder explicitly
    // when the binary has an option for it.
    const help = spawnSync(BIN, ['serve', '--help'], { encoding: 'utf8' });
    const helpText = `${help.stdout}${help.stderr}`;
    const extra = [];
    for (const opt of ['--web', '--static', '--web-dir', '--www', '--root']) {
      if (new RegExp(`${opt}[ ,=]`).test(helpText)) {
        extra.push(opt, DIST);
        break;
      }
    }
    // EUCOMPLY_KB_DIR: a knowledge base other than the source tree's (e.g. a snapshot).
    if (process.env.EUCOMPLY_KB_DIR) extra.push('--kb', process.env.EUCOMPLY_KB_DIR);
    // EUCOMPLY_SERVE_THREADS: a slower server (e.g. 1), to show the tests wait for the page's
    // state and not for time.
    if (process.env.EUCOMPLY_SERVE_THREADS) extra.push('--threads', process.env.EUCOMPLY_SERVE_THREADS);
    if (/--host[ ,=]/.test(helpText)) extra.push('--host', '127.0.0.1');
    else if (/--bind[ ,=]/.test(helpText)) extra.push('--bind', '127.0.0.1');

    this.port = await freePort();
    this.proc = spawn(BIN, ['serve', '--port', String(this.port), '--data', data, ...extra], {
      cwd: SOURCE_DIR,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, EUCOMPLY_DATA: data },
    });
    this.proc.stdout.on('data', (d) => (this.log += d));
    this.proc.stderr.on('data', (d) => (this.log += d));
    let exited = null;
    this.proc.on('exit', (code) => (exited = code));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (exited !== null) throw new Error(`eucomply serve exited with ${exited}:\n${this.log}`);
      try {
        const r = await fetch(`${this.base}/api/v1/health`);
        if (r.ok) return;
      } catch {
        /* not up yet */
      }
      await sleep(200);
    }
    throw new Error(`eucomply serve did not answer /api/v1/health within 60 s:\n${this.log}`);
  }

  async stop() {
    if (this.proc && this.proc.exitCode === null) {
      this.proc.kill('SIGTERM');
      await Promise.race([new Promise((r) => this.proc.once('exit', r)), sleep(5000)]);
      if (this.proc.exitCode === null) this.proc.kill('SIGKILL');
    }
    if (this.tmp) fs.rmSync(this.tmp, { recursive: true, force: true });
  }
}

// One browser per language: a persistent context on a fresh --user-data-dir, with the
// locale (navigator.language and Accept-Language) set, and a guard that records every
// request that leaves 127.0.0.1.
export async function openBrowser(locale, base) {
  must(fs.existsSync(CHROMIUM), `${CHROMIUM} not found: install Debian's chromium (scripts/install-deps)`);
  const { chromium } = loadPlaywright();
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eucomply-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    locale,
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 1,
    timeout: 60_000,
  });
  context.setDefaultTimeout(20_000);
  const outside = [];
  const errors = [];
  const origin = new URL(base).origin;
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith(origin) || u.startsWith('data:') || u.startsWith('blob:') || u === 'about:blank') return route.continue();
    outside.push(u);
    return route.abort();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return {
    context,
    page,
    outside,
    errors,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

// The page from the top, down to `maxHeight` pixels (long results are cut, so a person can
// read the picture at full size).
export async function screenshot(page, name, { maxHeight = 2400 } = {}) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.evaluate(() => document.fonts?.ready);
  const { width, height } = await page.evaluate(() => ({
    width: document.documentElement.clientWidth,
    height: document.documentElement.scrollHeight,
  }));
  await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width, height: Math.min(height, maxHeight) } });
  return file;
}

// One element (a section of a long page), as a person would look at it.
export async function screenshotOf(locator, name) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await locator.screenshot({ path: file });
  return file;
}
