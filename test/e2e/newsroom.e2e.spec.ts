import { io, type Socket } from 'socket.io-client';
import { addAccount, signIn, type SignedInSession } from '../support/accounts.js';
import { bearer, startApp, type TestApp } from '../support/app.js';
import { waitFor } from '../support/live.js';

const STORY = 'kyrgyzstan-2010-04-08';

interface EditorsMessage {
  liveBlogId: string;
  editors: { id: string; name: string }[];
}

/** A console's presence socket with a session cookie (as the page's handshake sends it), recording `editors`. */
async function presenceSocket(t: TestApp, cookie: string | undefined, headers: Record<string, string> = {}) {
  const extraHeaders = cookie ? { cookie, ...headers } : headers;
  const socket: Socket = io(`${t.url}/newsroom`, {
    extraHeaders,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  const heard: EditorsMessage[] = [];
  socket.on('editors', (message: EditorsMessage) => heard.push(message));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return { socket, heard, names: () => heard.at(-1)?.editors.map((editor) => editor.name) ?? [] };
}

describe('newsroom: the index, the console page, who wrote what, and who is here', () => {
  let t: TestApp;
  let ann: SignedInSession;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    t = await startApp({ seed: true });
    await addAccount(t, { username: 'ann', displayName: 'Ann Editor' });
    await addAccount(t, { username: 'ben', displayName: 'Ben Editor' });
    await addAccount(t, { username: 'cy', displayName: 'Cy Editor' });
    await addAccount(t, { username: 'audrey', displayName: 'Audrey Auditor', role: 'auditor' });
    ann = await signIn(t, 'ann');
  });
  afterAll(async () => {
    sockets.forEach((socket) => socket.disconnect());
    await t.close();
  });

  it('sends a reader who is not signed in to the sign-in page and back, and refuses an auditor', async () => {
    const { headers } = await t.http.get(`/newsroom/${STORY}`).expect(303);
    expect(headers.location).toBe(`/signin?next=${encodeURIComponent(`/newsroom/${STORY}`)}`);
    const auditor = await signIn(t, 'audrey');
    await t.http.get('/newsroom').set('Cookie', auditor.cookie).expect(403);
  });

  it('lists the stories with status and last update, links each console, and offers the form to open one', async () => {
    const { text, headers } = await t.http.get('/newsroom').set('Cookie', ann.cookie).expect(200);
    expect(headers['cache-control']).toBe('private, no-store');
    expect(text).toContain(
      `<a class="stories__title" href="/newsroom/${STORY}">Kyrgyzstan President Bakiyev refuses to resign</a>`,
    );
    expect(text).toMatch(/<time\s+datetime="2010-04-08T17:37:00Z">17:37 GMT, 8 Apr 2010<\/time>/);
    expect(text).toMatch(/<label for="open-title">Headline<\/label>/);
    expect(text).toMatch(/<label for="open-time-zone">Time zone<\/label>/);
    expect(text).toContain('<script type="module" src="/assets/js/newsroom.js"></script>');
    expect(text).toMatch(/<meta name="csrf-token" content="[\w-]+">/);
  });

  it('renders the console: the reader’s article beside labelled tools, and who set the figures', async () => {
    const { text } = await t.http.get(`/newsroom/${STORY}`).set('Cookie', ann.cookie).expect(200);
    expect(text).toContain(
      '<h1 class="story__headline" data-field="title">Kyrgyzstan President Bakiyev refuses to resign</h1>',
    );
    expect(text).toContain('<script type="module" src="/assets/js/live-page.js"></script>');
    expect(text).toContain('<label for="compose-body">Update</label>');
    expect(text).toMatch(/<button class="button button--primary" type="submit">Publish<\/button>/);
    expect(text).toMatch(/Set by <strong data-figures-setter>[^<]+<\/strong>/);
    expect(text).toMatch(/data-editor-id="ann"\s+data-editor-name="Ann Editor"/);
    expect(text).toContain('data-revision="39"');
  });

  it('answers an unknown story with an HTML 404', async () => {
    const { text } = await t.http.get('/newsroom/no-such-story').set('Cookie', ann.cookie).expect(404);
    expect(text).toContain('There is no story called “no-such-story” to edit.');
  });

  it('tells editors, and no one else, who wrote each event after a revision', async () => {
    const url = `/api/newsroom/live-blogs/${STORY}/activity`;
    await t.http.get(`${url}?afterRevision=37`).expect(401);
    await t.http
      .get(url)
      .set(bearer(t.token('auditor')))
      .expect(403);
    const posted = await t.http
      .post(`/api/live-blogs/${STORY}/updates`)
      .set(ann.writeHeaders)
      .send({ kind: 'report', body: 'Calm in Osh.' });
    expect(posted.status).toBe(201);
    const { body } = await t.http.get(`${url}?afterRevision=38`).set('Cookie', ann.cookie).expect(200);
    expect(body.events.map((event: { revision: number }) => event.revision)).toEqual([39, posted.body.revision]);
    expect(body.events.at(-1)).toMatchObject({ type: 'UpdatePosted', author: { id: 'ann', name: 'Ann Editor' } });
    await t.http.get(`${url}?afterRevision=x`).set('Cookie', ann.cookie).expect(400);
    await t.http.get('/api/newsroom/live-blogs/no-such-story/activity').set('Cookie', ann.cookie).expect(404);
  });

  it('refuses a presence socket opened from another site’s page, as it refuses a signed-in write', async () => {
    const refused = (headers: Record<string, string>) =>
      expect(presenceSocket(t, ann.cookie, headers)).rejects.toThrow('from this site’s own pages');
    await refused({ origin: 'https://elsewhere.example' });
    await refused({ origin: 'null' });
    await refused({ 'sec-fetch-site': 'cross-site', origin: t.url });
    const own = await presenceSocket(t, ann.cookie, { origin: t.url });
    sockets.push(own.socket);
    expect(own.socket.connected).toBe(true);
  });

  it('answers join requests past 20 in 10 s on one socket with rate_limited, and joins nothing more', async () => {
    const editor = await presenceSocket(t, ann.cookie);
    sockets.push(editor.socket);
    const join = () =>
      editor.socket.timeout(2000).emitWithAck('join', { liveBlogId: STORY }) as Promise<{
        ok: boolean;
        error?: { code: string };
      }>;
    const acks = await Promise.all(Array.from({ length: 25 }, join));
    expect(acks.filter((ack) => ack.ok)).toHaveLength(20);
    expect(acks.slice(20).map((ack) => ack.error?.code)).toEqual(Array(5).fill('rate_limited'));
    editor.socket.disconnect();
  });

  it('refuses a presence socket without an editor’s session', async () => {
    await expect(presenceSocket(t, undefined)).rejects.toThrow('sign in as an editor');
    await expect(presenceSocket(t, (await signIn(t, 'audrey')).cookie)).rejects.toThrow('sign in as an editor');
    await expect(presenceSocket(t, 'dateline_session=not-a-token')).rejects.toThrow('sign in as an editor');
  });

  it('shows the editors of a story to each other as they come and go, and not to another story’s console', async () => {
    const first = await presenceSocket(t, ann.cookie);
    const second = await presenceSocket(t, (await signIn(t, 'ben')).cookie);
    const elsewhere = await presenceSocket(t, (await signIn(t, 'cy')).cookie);
    sockets.push(first.socket, second.socket, elsewhere.socket);
    expect(await first.socket.emitWithAck('join', { liveBlogId: STORY })).toEqual({
      ok: true,
      editors: [{ id: 'ann', name: 'Ann Editor' }],
    });
    await elsewhere.socket.emitWithAck('join', { liveBlogId: 'another-story' });
    await second.socket.emitWithAck('join', { liveBlogId: STORY });
    await waitFor(() => first.names().join() === 'Ann Editor,Ben Editor', 15_000, 'Ann to see Ben');
    expect(second.names()).toEqual(['Ann Editor', 'Ben Editor']);

    second.socket.disconnect();
    await waitFor(() => first.names().join() === 'Ann Editor', 15_000, 'Ann to see Ben leave');
    expect(elsewhere.heard.every((message) => message.liveBlogId === 'another-story')).toBe(true);
    expect(elsewhere.names()).toEqual(['Cy Editor']);
    expect(await first.socket.emitWithAck('join', { liveBlogId: '../x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid', kind: 'invalid' },
    });
  });

  it('drops an editor from presence within seconds of signing out', async () => {
    const ben = await signIn(t, 'ben');
    const watcher = await presenceSocket(t, ann.cookie);
    const leaving = await presenceSocket(t, ben.cookie);
    sockets.push(watcher.socket, leaving.socket);
    await watcher.socket.emitWithAck('join', { liveBlogId: STORY });
    await leaving.socket.emitWithAck('join', { liveBlogId: STORY });
    await waitFor(() => watcher.names().includes('Ben Editor'), 15_000, 'Ben to join');
    const signedOut = new Promise((resolve) => leaving.socket.once('signed-out', resolve));
    await t.http.post('/signout').set(ben.writeHeaders).type('form').send({}).expect(303);
    await signedOut;
    await waitFor(() => !watcher.names().includes('Ben Editor'), 15_000, 'Ben to leave');
    expect(leaving.socket.connected).toBe(false);
  });
});
