import { io, type Socket } from 'socket.io-client';
import { bearer, startApp, type TestApp } from '../support/app.js';
import { waitFor } from '../support/live.js';

const STORY = 'kyrgyzstan-2010-04-08';

interface EditorsMessage {
  liveBlogId: string;
  editors: { id: string; name: string }[];
}

/** A console's presence socket, recording every `editors` message. */
async function presenceSocket(t: TestApp, token: string | undefined) {
  const socket: Socket = io(`${t.url}/newsroom`, { auth: token ? { token } : {}, transports: ['websocket'], reconnection: false, forceNew: true });
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
  const sockets: Socket[] = [];
  beforeAll(async () => {
    t = await startApp({ seed: true });
  });
  afterAll(async () => {
    sockets.forEach((socket) => socket.disconnect());
    await t.close();
  });

  it('lists the stories with status and last update, links each console, and offers the form to open one', async () => {
    const { text, headers } = await t.http.get('/newsroom').expect(200);
    expect(headers['cache-control']).toBe('no-store');
    expect(text).toContain(`<a class="stories__title" href="/newsroom/${STORY}">Kyrgyzstan President Bakiyev refuses to resign</a>`);
    expect(text).toContain('<time datetime="2010-04-08T17:37:00Z">17:37 GMT, 8 Apr 2010</time>');
    expect(text).toMatch(/<label for="open-title">Headline<\/label>/);
    expect(text).toMatch(/<label for="open-time-zone">Time zone<\/label>/);
    expect(text).toContain('<script type="module" src="/assets/js/newsroom.js"></script>');
  });

  it('renders the console: the reader’s article and live script beside the labelled tools, and who set the figures', async () => {
    const { text } = await t.http.get(`/newsroom/${STORY}`).expect(200);
    expect(text).toContain('<h1 class="story__headline" data-field="title">Kyrgyzstan President Bakiyev refuses to resign</h1>');
    expect(text).toContain('<script type="module" src="/assets/js/live-page.js"></script>');
    expect(text).toContain('<label for="compose-body">Update</label>');
    expect(text).toMatch(/<button class="button button--primary" type="submit">Publish<\/button>/);
    expect(text).toMatch(/Set by <strong data-figures-setter>[^<]+<\/strong>/);
    expect(text).toContain('data-revision="39"');
  });

  it('answers an unknown story with an HTML 404', async () => {
    const { text } = await t.http.get('/newsroom/no-such-story').expect(404);
    expect(text).toContain('There is no story called “no-such-story” to edit.');
  });

  it('tells editors, and no one else, who wrote each event after a revision', async () => {
    await t.http.get(`/api/newsroom/live-blogs/${STORY}/activity?afterRevision=37`).expect(401);
    await t.http.get(`/api/newsroom/live-blogs/${STORY}/activity`).set(bearer(t.token('auditor'))).expect(403);
    const editor = bearer(t.token('editor', 'Ann Editor'));
    const posted = await t.http.post(`/api/live-blogs/${STORY}/updates`).set(editor).send({ kind: 'report', body: 'Calm in Osh.' }).expect(201);
    const { body } = await t.http.get(`/api/newsroom/live-blogs/${STORY}/activity?afterRevision=38`).set(editor).expect(200);
    expect(body.events.map((event: { revision: number }) => event.revision)).toEqual([39, posted.body.revision]);
    expect(body.events.at(-1)).toMatchObject({ type: 'UpdatePosted', author: { id: 'ann-editor', name: 'Ann Editor' } });
    await t.http.get(`/api/newsroom/live-blogs/${STORY}/activity?afterRevision=x`).set(editor).expect(400);
    await t.http.get('/api/newsroom/live-blogs/no-such-story/activity').set(editor).expect(404);
  });

  it('refuses a presence socket without an editor’s token', async () => {
    await expect(presenceSocket(t, undefined)).rejects.toThrow('sign in as an editor');
    await expect(presenceSocket(t, t.token('auditor'))).rejects.toThrow('sign in as an editor');
    await expect(presenceSocket(t, 'not-a-token')).rejects.toThrow('sign in as an editor');
  });

  it('shows the editors of a story to each other as they come and go, and not to another story’s console', async () => {
    const ann = await presenceSocket(t, t.token('editor', 'Ann Editor'));
    const ben = await presenceSocket(t, t.token('editor', 'Ben Editor'));
    const elsewhere = await presenceSocket(t, t.token('editor', 'Cy Editor'));
    sockets.push(ann.socket, ben.socket, elsewhere.socket);
    const joinAnn = await ann.socket.emitWithAck('join', { liveBlogId: STORY });
    expect(joinAnn).toEqual({ ok: true, editors: [{ id: 'ann-editor', name: 'Ann Editor' }] });
    await elsewhere.socket.emitWithAck('join', { liveBlogId: 'another-story' });
    await ben.socket.emitWithAck('join', { liveBlogId: STORY });
    await waitFor(() => ann.names().join() === 'Ann Editor,Ben Editor', 2000, 'Ann to see Ben');
    expect(ben.names()).toEqual(['Ann Editor', 'Ben Editor']);

    ben.socket.disconnect();
    await waitFor(() => ann.names().join() === 'Ann Editor', 2000, 'Ann to see Ben leave');
    expect(elsewhere.heard.every((message) => message.liveBlogId === 'another-story')).toBe(true);
    expect(elsewhere.names()).toEqual(['Cy Editor']);
    expect(await ann.socket.emitWithAck('join', { liveBlogId: '../x' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });
});
