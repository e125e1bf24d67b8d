import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';

/** Debian's chromium; `.ci/run` installs it where it is missing. */
export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');
export const DESKTOP = { width: 1280, height: 900 } as const;
export const PHONE = { width: 375, height: 740 } as const;
/**
 * How long a test waits for something pushed to show on a page. It passes as soon as it shows; the
 * time is generous because it only ends a test that has already failed, and on a loaded machine
 * (another test run beside this one) a push takes seconds where it takes milliseconds alone.
 */
export const SHOWN_WITHIN = { timeout: 15_000 } as const;

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * `describe` when a browser is installed, otherwise a skipped block that says why: `npm test`
 * still passes on a machine without chromium, and the output tells the reader what did not run.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (existsSync(CHROMIUM)) return describe(name, body);
  process.stdout.write(`browser tests skipped: ${CHROMIUM} not found (apt-get install chromium)\n`);
  describe.skip(`${name} (skipped: no ${CHROMIUM})`, body);
}

export interface TestBrowser {
  readonly browser: Browser;
  /** A fresh context whose every request is recorded; scripts off when `javaScriptEnabled` is false. */
  context(options?: {
    viewport?: { width: number; height: number };
    javaScriptEnabled?: boolean;
  }): Promise<RecordingContext>;
  close(): Promise<void>;
}

export interface RecordingContext {
  readonly context: BrowserContext;
  /** Every request any page of the context made, in order. */
  readonly requests: string[];
  /** Requests to anywhere but 127.0.0.1, refused before they left. */
  readonly outside: string[];
  /** Dialogs (alert, confirm, prompt) any page opened; each is dismissed. */
  readonly dialogs: string[];
  newPage(): Promise<Page>;
}

/** Headless chromium; playwright gives each launch a fresh, temporary user-data-dir and removes it on close. */
export async function launchBrowser(): Promise<TestBrowser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  return {
    browser,
    context: (options) => recordingContext(browser, options),
    close: () => browser.close(),
  };
}

/**
 * The browser of a `describe` block: launched before its first test and closed after its last
 * (`const browser = startedBrowser()` in place of the beforeAll/afterAll pair).
 */
export function startedBrowser(): TestBrowser {
  let started: TestBrowser | undefined;
  beforeAll(async () => {
    started = await launchBrowser();
  });
  afterAll(async () => {
    await started?.close();
    started = undefined;
  });
  const current = (): TestBrowser => {
    if (!started) throw new Error('the browser starts in beforeAll: use it in a hook or a test');
    return started;
  };
  return {
    get browser() {
      return current().browser;
    },
    context: (options) => current().context(options),
    close: () => current().close(),
  };
}

async function recordingContext(
  browser: Browser,
  options: Parameters<TestBrowser['context']>[0] = {},
): Promise<RecordingContext> {
  const context = await browser.newContext({
    viewport: options.viewport ?? DESKTOP,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  const requests: string[] = [];
  const outside: string[] = [];
  const dialogs: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    if (isLocal(url)) return route.continue();
    outside.push(url);
    return route.abort('blockedbyclient');
  });
  return {
    context,
    requests,
    outside,
    dialogs,
    newPage: async () => {
      const page = await context.newPage();
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      page.on('websocket', (socket) => {
        requests.push(socket.url());
        if (!isLocal(socket.url())) outside.push(socket.url());
      });
      return page;
    },
  };
}

function isLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true;
  return hostname === '127.0.0.1';
}

/** Saves the page at desktop and at phone width to test-results/screenshots/<name>-{desktop,phone}.png. */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const [label, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await page.setViewportSize(viewport);
    await afterResize(page);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${label}.png`), fullPage: true });
  }
  await page.setViewportSize(DESKTOP);
}

/**
 * Waits until the page has redrawn for a new viewport: a ResizeObserver fires in the next frame, and a
 * canvas that redraws on resize (the auditor's chart) does so in the frame after. A page with scripts
 * off runs no frame callbacks, and has nothing that redraws: it waits a second at most.
 */
export async function afterResize(page: Page): Promise<void> {
  const frames = page.evaluate<void>(
    'new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(done))))',
  );
  let timer: NodeJS.Timeout | undefined;
  const second = new Promise<void>((done) => (timer = setTimeout(done, 1000)));
  await Promise.race([frames.catch(() => undefined), second]);
  clearTimeout(timer);
}

/** The page's widest element overflow at its current width: 0 when nothing scrolls sideways. */
export function horizontalOverflow(page: Page): Promise<number> {
  // A string, not a function: the test code compiles without the DOM's types.
  return page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
}

export type { Page, Request };
