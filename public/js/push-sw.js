// The service worker behind "Notify me of key developments" (DESIGN §4f): it shows each push as a
// notification and opens the update when the reader clicks it. It serves no page (its scope is its
// own folder) and loads nothing.
self.addEventListener('push', (event) => {
  let notice;
  try {
    notice = event.data ? event.data.json() : null;
  } catch {
    notice = null;
  }
  if (!notice || typeof notice.headline !== 'string') return;
  const url = new URL(notice.url, self.location.origin).href;
  event.waitUntil(
    self.registration.showNotification(notice.headline, {
      body: 'Key development: tap to read the update.',
      tag: `${notice.liveBlogId}/${notice.updateId}`,
      icon: '/assets/favicon.svg',
      data: { url },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(self.clients.openWindow(event.notification.data.url));
});
