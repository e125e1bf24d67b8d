// The reader page's "Notify me of key developments" (Web Push, DESIGN §4f) and "Ask the desk"
// (DESIGN §4e). Both need scripts, so the page renders them hidden and this shows what works here.

const tools = document.querySelector<HTMLElement>('[data-reader-tools]');
if (tools) {
  const liveBlogId = tools.dataset.liveBlogId ?? '';
  const base = `/api/live-blogs/${encodeURIComponent(liveBlogId)}`;
  const follow = tools.querySelector<HTMLElement>('[data-follow]');
  const ask = tools.querySelector<HTMLFormElement>('[data-ask]');
  if (follow) wireFollow(follow, base, liveBlogId);
  if (ask) wireAsk(ask, base);
}

function wireFollow(section: HTMLElement, base: string, liveBlogId: string): void {
  if (!('serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window)) return;
  const button = section.querySelector<HTMLButtonElement>('[data-follow-button]');
  const status = section.querySelector('[data-follow-status]');
  if (!button || !status) return;
  // Which endpoint follows this story, in this browser: one browser subscription serves every story it follows.
  const key = `dateline:follow:${liveBlogId}`;
  const show = (following: boolean, text = '') => {
    button.setAttribute('aria-pressed', String(following));
    button.textContent = following ? 'Notifications on: stop' : 'Notify me of key developments';
    status.textContent = text;
  };
  section.hidden = false;
  show(Boolean(localStorage.getItem(key)));
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const endpoint = localStorage.getItem(key);
      if (endpoint) {
        await send('DELETE', `${base}/push-subscriptions`, { endpoint }, [204, 404]);
        localStorage.removeItem(key);
        show(false, 'You will no longer be notified about this story.');
      } else {
        const subscription = await browserSubscription();
        if (!subscription) return show(false, 'Notifications are blocked for this site in your browser.');
        await send('POST', `${base}/push-subscriptions`, subscription.toJSON(), [201]);
        localStorage.setItem(key, subscription.endpoint);
        show(true, 'You will be notified of key developments and breaking news.');
      }
    } catch (error) {
      show(Boolean(localStorage.getItem(key)), `Could not change notifications: ${(error as Error).message}`);
    } finally {
      button.disabled = false;
    }
  });
}

/** This browser's push subscription (made once, with the server's VAPID key), or null without permission. */
async function browserSubscription(): Promise<PushSubscription | null> {
  if ((await Notification.requestPermission()) !== 'granted') return null;
  // The worker only shows notifications: its own folder is scope enough, it serves no page.
  const registration = await navigator.serviceWorker.register('/assets/js/push-sw.js', { scope: '/assets/js/' });
  await activated(registration);
  const existing = await registration.pushManager.getSubscription();
  if (existing) return existing;
  const { publicKey } = (await (await fetch('/api/push/vapid-public-key')).json()) as { publicKey: string };
  return registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: publicKey });
}

function activated(registration: ServiceWorkerRegistration): Promise<void> {
  const worker = registration.installing ?? registration.waiting ?? registration.active;
  if (!worker || worker.state === 'activated') return Promise.resolve();
  return new Promise((resolve) => {
    worker.addEventListener('statechange', () => {
      if (worker.state === 'activated') resolve();
    });
  });
}

function wireAsk(form: HTMLFormElement, base: string): void {
  const status = form.querySelector('[data-ask-status]');
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement;
  form.hidden = false;
  form.addEventListener('submit', async (submit) => {
    submit.preventDefault();
    const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
    if (button) button.disabled = true;
    try {
      const body = { name: field('name').value, text: field('text').value };
      await send('POST', `${base}/questions`, body, [202]);
      field('text').value = '';
      if (status) status.textContent = 'Sent. Thank you: the desk will read it.';
    } catch (error) {
      if (status) status.textContent = `Not sent: ${(error as Error).message}`;
    } finally {
      if (button) button.disabled = false;
    }
  });
}

/** A JSON request; any status but the expected ones throws the server's own message (RFC 9457 `detail`). */
async function send(method: string, path: string, body: unknown, expected: readonly number[]): Promise<void> {
  const response = await fetch(path, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (expected.includes(response.status)) return;
  const problem = (await response.json().catch(() => ({}))) as { detail?: string; message?: string };
  throw new Error(problem.detail || problem.message || `the server answered ${response.status}`);
}
