// The service worker behind "Notify me of key developments" (DESIGN §4f): it shows each push as a
// notification and opens the update when the reader clicks it. It serves no page (its scope is its
// own folder) and loads nothing. Typed here with the few worker APIs it uses (the pages' lib is the DOM's).

interface PushNotice {
  readonly liveBlogId: string;
  readonly updateId: string;
  readonly headline: string;
  readonly url: string;
}

interface WorkerEvent extends Event {
  waitUntil(work: Promise<unknown>): void;
}

interface PushEventLike extends WorkerEvent {
  readonly data: { json(): unknown } | null;
}

interface NotificationClickLike extends WorkerEvent {
  readonly notification: Notification & { readonly data: { readonly url: string } };
}

interface WorkerScope {
  readonly location: Location;
  readonly registration: ServiceWorkerRegistration;
  readonly clients: { openWindow(url: string): Promise<unknown> };
  addEventListener(type: 'push', listener: (event: PushEventLike) => void): void;
  addEventListener(type: 'notificationclick', listener: (event: NotificationClickLike) => void): void;
}

const worker = self as unknown as WorkerScope;

worker.addEventListener('push', (event) => {
  let notice: Partial<PushNotice> | null;
  try {
    notice = (event.data ? event.data.json() : null) as Partial<PushNotice> | null;
  } catch {
    notice = null;
  }
  if (!notice || typeof notice.headline !== 'string') return;
  const url = new URL(String(notice.url), worker.location.origin).href;
  event.waitUntil(
    worker.registration.showNotification(notice.headline, {
      body: 'Key development: tap to read the update.',
      tag: `${notice.liveBlogId}/${notice.updateId}`,
      icon: '/assets/favicon.svg',
      data: { url },
    }),
  );
});

worker.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(worker.clients.openWindow(event.notification.data.url));
});
