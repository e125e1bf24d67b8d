// The reader page's "Notify me of key developments" (Web Push, DESIGN §4f) and "Ask the desk"
// (DESIGN §4e). Both need scripts, so the page renders them hidden and this shows what works here.
const tools = document.querySelector('[data-reader-tools]');
if (tools) {
  const base = `/api/live-blogs/${encodeURIComponent(tools.dataset.liveBlogId)}`;
  wireFollow(tools.querySelector('[data-follow]'), base, tools.dataset.liveBlogId);
  wireAsk(tools.querySelector('[data-ask]'), base);
}

function wireFollow(section, base, liveBlogId) {
  if (!('serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window)) return;
  const button = section.querySelector('[data-follow-button]');
  const status = section.querySelector('[data-follow-status]');
  // Which endpoint follows this story, in this browser: one browser subscription serves every story it follows.
  const key = `dateline:follow:${liveBlogId}`;
  const show = (following, text = '') => {
    button.setAttribute('aria-pressed', String(following));
    button.textContent = following ? 'Notifications on: stop' : 'Notify me of key developments';
    status.textContent = text;
  };
  section.hidden = false;
  show(Boolean(localStorage.getItem(key)));
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      if (localStorage.getItem(key)) {
        await send('DELETE', `${base}/push-subscriptions`, { endpoint: localStorage.getItem(key) }, [204, 404]);
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
      show(Boolean(localStorage.getItem(key)), `Could not change notifications: ${error.message}`);
    } finally {
      button.disabled = false;
    }
  });
}

/** This browser's push subscription (made once, with the server's VAPID key), or null without permission. */
async function browserSubscription() {
  if ((await Notification.requestPermission()) !== 'granted') return null;
  // The worker only shows notifications: its own folder is scope enough, it serves no page.
  const registration = await navigator.serviceWorker.register('/assets/js/push-sw.js', { scope: '/assets/js/' });
  await activated(registration);
  const existing = await registration.pushManager.getSubscription();
  if (existing) return existing;
  const { publicKey } = await (await fetch('/api/push/vapid-public-key')).json();
  return registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: publicKey });
}

function activated(registration) {
  const worker = registration.installing || registration.waiting || registration.active;
  if (worker.state === 'activated') return Promise.resolve();
  return new Promise((resolve) => {
    worker.addEventListener('statechange', () => worker.state === 'activated' && resolve());
  });
}

function wireAsk(form, base) {
  const status = form.querySelector('[data-ask-status]');
  form.hidden = false;
  form.addEventListener('submit', async (submit) => {
    submit.preventDefault();
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
      const body = { name: form.elements.name.value, text: form.elements.text.value };
      await send('POST', `${base}/questions`, body, [202]);
      form.elements.text.value = '';
      status.textContent = 'Sent. Thank you: the desk will read it.';
    } catch (error) {
      status.textContent = `Not sent: ${error.message}`;
    } finally {
      button.disabled = false;
    }
  });
}

/** A JSON request; any status but the expected ones throws the server's own message. */
async function send(method, path, body, expected) {
  const response = await fetch(path, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (expected.includes(response.status)) return;
  const problem = await response.json().catch(() => ({}));
  throw new Error(problem.message || `the server answered ${response.status}`);
}
