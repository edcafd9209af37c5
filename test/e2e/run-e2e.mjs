// Mamori's end-to-end harness. test/e2e/run-e2e.sh installs the tools, builds, packages the
// extension and starts code-server (real VS Code 1.139 workbench + Node extension host), one
// server per display language; this file drives them with Playwright in Debian's Chromium.
//
// Phases (E2E_PHASES, comma-separated):
//   package      the .vsix holds what the extension needs and nothing else
//   integration  the mocha suite (dist/test/integration) inside the extension host, English
//   ja           the same under the Japanese display language (*.ja.test.js)
//   ui           the extension installed from the .vsix, used as a person would: Explorer,
//                Problems panel, hover, command palette, Ctrl+. (screenshots in ARTIFACTS_DIR)
//   ui-ja        the Problems panel and hover under Japanese
//
// Integration runs open the workbench with the payload VS Code's own web test runner uses
// (extensionDevelopmentPath + extensionTestsPath); the exit code comes back through
// window.codeAutomationExit, the mocha report through window.codeAutomationLog. That needs
// code-server's `--vscode-option enable-smoke-test-driver`.
//
// Prints "N passed, M failed"; exits 0 only if nothing failed and something ran.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { format } from 'node:util';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';

const env = (name, fallback) => {
  const v = process.env[name] ?? fallback;
  if (v === undefined) throw new Error(`missing environment variable ${name}`);
  return v;
};
const PHASES = env('E2E_PHASES', 'package,integration,ja,ui,ui-ja')
  .split(',')
  .map((p) => p.trim())
  .filter(Boolean);
const EXT_DIR = env('EXTENSION_DIR');
const ARTIFACTS = env('ARTIFACTS_DIR');
const CHROMIUM = env('CHROMIUM', '/usr/bin/chromium');
const INTEGRATION_TIMEOUT_MS = Number(env('INTEGRATION_TIMEOUT_MS', '240000'));
const REPORT_PREFIX = '[mamori-test] ';
const FIXTURE = path.join(EXT_DIR, 'test/fixtures/e2e-workspace');
const SERVERS = {
  en: { url: process.env.EN_URL, state: process.env.EN_STATE, locale: 'en' },
  ja: { url: process.env.JA_URL, state: process.env.JA_STATE, locale: 'ja' },
};

// The engine itself tells the UI tests what to expect (rule ids, messages, guideline titles).
const core = createRequire(import.meta.url)(path.join(EXT_DIR, 'dist/core.js'));

const results = [];
const notes = [];
function record(name, ok, detail = '') {
  results.push({ name, ok });
  console.log(`${ok ? '  PASS' : '  FAIL'} ${name}${detail ? ` -- ${detail}` : ''}`);
}

// ------------------------------------------------------------------ package
/** Entries of a zip file (the .vsix), with a reader for each; no dependency needed. */
function readZip(file) {
  const buf = fs.readFileSync(file);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = new Map();
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('corrupt zip central directory');
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    entries.set(name, {
      size,
      read() {
        const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
        const data = buf.subarray(start, start + compressed);
        return method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data);
      },
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

async function checkPackage() {
  console.log('\n--- package: contents of the .vsix');
  const vsix = env('VSIX');
  const entries = readZip(vsix);
  const names = [...entries.keys()].filter((n) => n.startsWith('extension/')).map((n) => n.slice('extension/'.length));
  fs.writeFileSync(path.join(ARTIFACTS, 'vsix-contents.txt'), names.map((n) => `${entries.get(`extension/${n}`).size}\t${n}`).join('\n') + '\n');
  console.log(`  ${path.basename(vsix)}: ${(fs.statSync(vsix).size / 1024).toFixed(0)} KiB, ${names.length} files: ${names.join(', ')}`);

  const manifest = JSON.parse(entries.get('extension/package.json').read().toString('utf8'));
  const main = path.posix.normalize(manifest.main.replace(/^\.\//, ''));
  // vsce renames README.md to readme.md, CHANGELOG.md to changelog.md and LICENSE to LICENSE.txt.
  const exact = (name) => [name, (n) => n === name];
  const required = [
    exact(main),
    exact('package.nls.json'),
    exact('package.nls.ja.json'),
    exact(manifest.icon),
    ...fs.readdirSync(path.join(EXT_DIR, 'l10n')).map((f) => exact(`l10n/${f}`)),
    ['README.md', (n) => /^readme\.md$/i.test(n)],
    ['CHANGELOG.md', (n) => /^changelog\.md$/i.test(n)],
    ['LICENSE', (n) => /^licen[cs]e(\.(md|txt))?$/i.test(n)],
  ];
  // Every file the manifest points at (view icons, walkthrough pages, grammars, ...).
  JSON.stringify(manifest.contributes ?? {}, (_key, value) => {
    if (typeof value === 'string' && /^(\.\/)?[\w@.-]+(\/[\w@.-]+)*\.(md|svg|png|jpe?g|gif|json|js)$/i.test(value) && value.includes('/')) {
      required.push(exact(path.posix.normalize(value.replace(/^\.\//, ''))));
    }
    return value;
  });
  const missing = required.filter(([, match]) => !names.some(match)).map(([name]) => name);
  record(
    '[package] the .vsix holds the bundle, every file the manifest names, manifest strings (en, ja), l10n bundles, icon, README, LICENSE, CHANGELOG',
    missing.length === 0,
    missing.length ? `missing: ${missing.join(', ')}` : '',
  );

  const forbidden = names.filter(
    (n) =>
      /^(node_modules|src|test|\.vscode|\.vscode-test|\.ci|\.github|coverage)\//.test(n) ||
      /^dist\/test\//.test(n) ||
      /\.(map|ts|tsx|vsix)$/.test(n) ||
      /^(tsconfig\.json|esbuild\.mjs|eslint\.config\.mjs|package-lock\.json|\.gitignore|\.vscodeignore)$/.test(n),
  );
  record(
    '[package] no node_modules, sources, tests, fixtures, source maps or tool configs',
    forbidden.length === 0,
    forbidden.length ? `unexpected: ${forbidden.slice(0, 10).join(', ')}` : '',
  );

  const bundle = entries.get(`extension/${main}`)?.read().toString('utf8') ?? '';
  record(
    '[package] the bundle is a production build (no source map reference)',
    bundle.length > 0 && !/sourceMappingURL=/.test(bundle),
    bundle.length ? '' : `${main} is missing`,
  );

  // vsce's secret check already ran on every file when `npm run package` built the .vsix (the
  // bundles carry no secret examples: test/unit/shipped-bundles.test.ts). The text files are
  // checked here too, by Mamori's own engine.
  const leaks = [];
  for (const n of names) {
    if (n === main || !/\.(md|txt|json)$/i.test(n)) continue;
    const text = entries.get(`extension/${n}`).read().toString('utf8');
    for (const f of await core.scanText({ path: n, text }, { categories: { secret: true } })) {
      if (f.category === 'secret') leaks.push(`${n}: ${f.ruleId}`);
    }
  }
  record('[package] no secrets in the packaged text files (README, CHANGELOG, manifests, l10n, walkthrough pages)', leaks.length === 0, leaks.join(', '));
}

// -------------------------------------------------------------- integration
function workbenchUrl(base, folder, payload) {
  let url = `${base}/?folder=${encodeURIComponent(folder)}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

async function newPage(browser, logName) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const logFile = fs.createWriteStream(path.join(ARTIFACTS, logName));
  page.on('console', (m) => logFile.write(`[console.${m.type()}] ${m.text()}\n`));
  page.on('pageerror', (e) => logFile.write(`[pageerror] ${e.stack ?? e.message}\n`));
  return { context, page, logFile };
}

async function runIntegration(browser, server) {
  const tag = server.locale === 'en' ? 'integration' : `integration-${server.locale}`;
  console.log(`\n--- ${tag}: mocha inside the extension host (display language ${server.locale})`);
  if (!server.url) throw new Error(`no code-server for ${server.locale}`);
  const resultsFile = path.join(server.state, 'mocha-results.json');
  fs.rmSync(resultsFile, { force: true });
  const authority = new URL(server.url).host; // code-server's remote authority is the Host header
  const remote = (p) => `vscode-remote://${authority}${p}`;
  const { context, page, logFile } = await newPage(browser, `workbench-${tag}.log`);
  try {
    let onExit;
    const exited = new Promise((resolve) => (onExit = resolve));
    await page.exposeFunction('codeAutomationLog', (level, args) => {
      const text = format(...(Array.isArray(args) ? args : [args]));
      logFile.write(`[${level}] ${text}\n`);
      for (const line of text.split('\n')) {
        if (line.startsWith(REPORT_PREFIX)) console.log(`    ${line.slice(REPORT_PREFIX.length)}`);
      }
    });
    await page.exposeFunction('codeAutomationExit', (code, logs) => {
      for (const { relativePath, contents } of Array.isArray(logs) ? logs : []) {
        const target = path.join(ARTIFACTS, `vscode-logs-${tag}`, relativePath);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, contents);
      }
      onExit(code);
    });
    const started = Date.now();
    await page.goto(
      workbenchUrl(server.url, path.join(server.state, 'ws-integration'), [
        ['extensionDevelopmentPath', remote(EXT_DIR)],
        ['extensionTestsPath', remote(path.join(EXT_DIR, 'dist/test/integration/index.js'))],
      ]),
    );
    let timer;
    const code = await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), INTEGRATION_TIMEOUT_MS)))]);
    clearTimeout(timer);
    console.log(`  extension host exited with ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (code === 'timeout') await page.screenshot({ path: path.join(ARTIFACTS, `${tag}-timeout.png`) });

    let summary;
    try {
      summary = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
      fs.copyFileSync(resultsFile, path.join(ARTIFACTS, `${tag}-results.json`));
    } catch {
      summary = undefined;
    }
    const tests = summary?.results ?? [];
    for (const r of tests) record(`[${tag}] ${r.title}`, r.state === 'passed', r.error?.split('\n')[0]);
    const failed = tests.filter((r) => r.state !== 'passed').length;
    if (tests.length === 0 || (code !== 0 && failed === 0)) {
      record(
        `[${tag}] the suite ran and the extension host exited cleanly`,
        false,
        `exit code ${code}; ${summary ? `${tests.length} results` : 'no results file'} (see ${ARTIFACTS}/workbench-${tag}.log)`,
      );
    }
  } finally {
    await context.close();
    logFile.end();
  }
}

// ----------------------------------------------------------------------- ui
/** What the engine reports for a fixture file, to compare with what the UI shows. */
async function expectedFinding(relative, ruleId, lang) {
  const text = fs.readFileSync(path.join(FIXTURE, relative), 'utf8');
  const findings = await core.scanText({ path: relative, text });
  const f = findings.find((x) => x.ruleId === ruleId);
  if (!f) throw new Error(`the engine finds no ${ruleId} in ${relative}`);
  const g = core.findingGuidelines(f).find((x) => x.url);
  return { message: core.findingMessage(f, lang), guidelineTitle: g.title[lang], guidelineUrl: g.url };
}

const SLACK_TOKEN = 'xoxb-2948573910-4827361920-aK8mP2xQ9vL3nR7tW5yZ1cB4';

async function runUi(browser, server) {
  const lang = server.locale;
  const tag = lang === 'en' ? 'ui' : `ui-${lang}`;
  console.log(`\n--- ${tag}: the .vsix in the workbench, driven like a person would (display language ${lang})`);
  if (!server.url) throw new Error(`no code-server for ${lang}`);
  const { context, page, logFile } = await newPage(browser, `workbench-${tag}.log`);
  const shot = (name) => page.screenshot({ path: path.join(ARTIFACTS, `${tag}-${name}.png`) });
  const expected = await expectedFinding('.env', 'secret/slack-token', lang);
  const palette = async (command) => {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${command}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: command }).first().waitFor();
    await page.keyboard.press('Enter');
  };
  const problems = page.locator('.markers-panel .monaco-list-row');
  const slackRow = problems.filter({ hasText: 'secret/slack-token' }).first();

  const steps = [
    [
      'opens .env from the Explorer',
      async () => {
        await page.goto(workbenchUrl(server.url, path.join(server.state, 'ws-ui')));
        await page
          .locator('.explorer-folders-view .monaco-list-row')
          .filter({ hasText: /^\s*\.env\s*$/ })
          .click({ timeout: 90_000 });
        await page.locator('.monaco-editor .view-line', { hasText: 'SLACK_TOKEN=' }).waitFor();
      },
    ],
    [
      'the Problems panel shows the Mamori problem (rule id, message, no secret)',
      async () => {
        await page.keyboard.press('Control+Shift+M');
        await slackRow.waitFor({ timeout: 30_000 });
        const text = await slackRow.innerText();
        for (const part of [expected.message, 'Mamori', 'secret/slack-token']) {
          if (!text.includes(part)) throw new Error(`problem row ${JSON.stringify(text)} lacks ${JSON.stringify(part)}`);
        }
        if (text.includes(SLACK_TOKEN)) throw new Error('the problem row shows the full secret');
        await shot('1-problems');
      },
    ],
    [
      'hovering the secret shows the guideline (title and link)',
      async () => {
        const hover = page.locator('.monaco-hover').filter({ hasText: expected.guidelineTitle }).first();
        const token = page.locator('.monaco-editor .view-line span', { hasText: 'xoxb-' }).last();
        await hoverUntil(token, hover);
        const html = await hover.innerHTML();
        if (!html.includes(expected.guidelineUrl)) throw new Error(`the hover has no link to ${expected.guidelineUrl}`);
        if ((await hover.innerText()).includes(SLACK_TOKEN)) throw new Error('the hover shows the full secret');
        await shot('2-hover');
        await page.mouse.move(5, 5);
        await page.keyboard.press('Escape');
      },
    ],
  ];
  /** Ctrl+. until the quick-fix menu shows an action with `text` (right after a reveal the editor may swallow the key). */
  const quickFixMenu = async (text) => {
    const action = page.locator('.action-widget .monaco-list-row', { hasText: text }).first();
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press('Control+.');
      try {
        await action.waitFor({ timeout: 3_000 });
        return;
      } catch (err) {
        if (attempt === 5) throw err;
        await page.keyboard.press('Escape');
      }
    }
  };
  /** Hovers `target` until `hover` shows (each attempt moves away first, so it is a fresh hover). */
  const hoverUntil = async (target, hover) => {
    for (let attempt = 1; ; attempt++) {
      await page.mouse.move(5, 5);
      await target.hover();
      try {
        await hover.waitFor({ timeout: 5_000 });
        return;
      } catch (err) {
        if (attempt === 4) throw err;
      }
    }
  };
  // Quick Open (the palette without ">"), as a person opens a file they know by name.
  const openFile = async (name, lineText) => {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(name);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor .view-line', { hasText: lineText }).first().waitFor();
  };
  const exposure = await expectedFinding('deploy/docker-compose.yml', 'exposure/compose-db-port-public', lang);
  steps.push([
    'hovering a published database port shows the finding and its guideline',
    async () => {
      await openFile('docker-compose.yml', '5432:5432');
      const hover = page.locator('.monaco-hover').filter({ hasText: exposure.guidelineTitle }).first();
      const port = page.locator('.monaco-editor .view-line span', { hasText: '5432' }).first();
      await hoverUntil(port, hover);
      if (!(await hover.innerHTML()).includes(exposure.guidelineUrl)) throw new Error(`the hover has no link to ${exposure.guidelineUrl}`);
      // The picture of the hover in the README (docs/images/) is copied from this screenshot.
      await shot('hover-exposure');
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
    },
  ]);
  if (lang === 'en') {
    steps.push(
      [
        'Ctrl+. on a hardcoded token offers to read it from an environment variable',
        async () => {
          await openFile('config.js', 'ghp_');
          // The problem's row reveals its range in the editor and focuses it, as a person would.
          await problems.filter({ hasText: 'secret/github-token' }).first().dblclick({ timeout: 30_000 });
          await page.locator('.monaco-editor.focused').waitFor();
          await quickFixMenu('environment variable');
          // The picture of the quick fix in the README (docs/images/) is copied from this screenshot.
          await shot('quick-fix-env');
          await page.keyboard.press('Escape');
        },
      ],
      [
        'the command palette runs "Mamori: Scan Workspace"; files never opened appear in Problems',
        async () => {
          await palette('Mamori: Scan Workspace');
          await problems.filter({ hasText: 'notify.sh' }).first().waitFor({ timeout: 60_000 });
          await problems.filter({ hasText: 'secret/github-token' }).first().waitFor({ timeout: 10_000 });
          // Toasts do not show in an unfocused headless window; the notification center lists them.
          await palette('Notifications: Show Notifications');
          await page
            .locator('.notifications-center .notification-list-item', { hasText: /Mamori: \d+ files scanned, \d+ findings, \d+ skipped/ })
            .waitFor({ timeout: 15_000 });
          await shot('3-scan-workspace');
          await page.keyboard.press('Escape');
        },
      ],
      [
        'Ctrl+. on the problem offers "Open guideline"',
        async () => {
          await slackRow.dblclick(); // reveals the range in the editor and focuses it
          await page.locator('.monaco-editor.focused').waitFor();
          await quickFixMenu('Mamori: Open guideline');
          await shot('4-quick-fix');
          await page.keyboard.press('Escape');
        },
      ],
    );
  }

  try {
    let broken = false;
    for (const [name, fn] of steps) {
      if (broken) {
        record(`[${tag}] ${name}`, false, 'skipped after an earlier failure');
        continue;
      }
      try {
        await fn();
        record(`[${tag}] ${name}`, true);
      } catch (err) {
        broken = true;
        record(`[${tag}] ${name}`, false, String(err?.message ?? err).split('\n')[0]);
        await shot('failure').catch(() => {});
      }
    }
  } finally {
    await context.close();
    logFile.end();
  }
}

// --------------------------------------------------------------------- main
fs.mkdirSync(ARTIFACTS, { recursive: true });
let exitCode = 1;
let browserServer;
try {
  if (PHASES.includes('package')) await checkPackage();
  const browserPhases = PHASES.filter((p) => p !== 'package');
  if (browserPhases.length > 0) {
    browserServer = await chromium.launchServer({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--lang=en-US',
      ],
    });
    // run-e2e.sh ends this browser by PID if the harness dies before closing it.
    fs.writeFileSync(path.join(ARTIFACTS, 'chromium.pid'), String(browserServer.process().pid));
    const browser = await chromium.connect(browserServer.wsEndpoint());
    try {
      for (const phase of browserPhases) {
        const started = Date.now();
        try {
          if (phase === 'integration') await runIntegration(browser, SERVERS.en);
          else if (phase === 'ja') await runIntegration(browser, SERVERS.ja);
          else if (phase === 'ui') await runUi(browser, SERVERS.en);
          else if (phase === 'ui-ja') await runUi(browser, SERVERS.ja);
          else throw new Error(`unknown phase ${phase}`);
        } catch (err) {
          record(`[${phase}] phase completed`, false, String(err?.message ?? err).split('\n')[0]);
        }
        notes.push(`${phase} ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }
    } finally {
      await browser.close();
    }
  }
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  if (notes.length) console.log(`\nphase times: ${notes.join(', ')}`);
  for (const r of results.filter((x) => !x.ok)) console.log(`  failed: ${r.name}`);
  console.log(`\n${passed} passed, ${failed} failed`);
  exitCode = failed === 0 && passed > 0 ? 0 : 1;
} catch (err) {
  console.error(err);
  console.log(`\n${results.filter((r) => r.ok).length} passed, ${results.filter((r) => !r.ok).length + 1} failed`);
} finally {
  if (browserServer) await browserServer.close().catch(() => {});
}
process.exit(exitCode);
