// Who else has this story's console open, live, over the /newsroom socket (only signed-in editors
// may connect: the handshake carries the session cookie). Names are drawn with textContent.
import { io } from '../vendor/socket.io/socket.io.esm.min.js';
import { currentEditor } from './console-auth.js';

export class Presence {
  constructor(root, liveBlogId) {
    this.liveBlogId = liveBlogId;
    this.list = root.querySelector('[data-presence-list]');
    this.socket = null;
  }

  connect() {
    const socket = io('/newsroom', { transports: ['websocket', 'polling'] });
    this.socket = socket;
    socket.on('connect', async () => {
      const ack = await socket
        .timeout(10_000)
        .emitWithAck('join', { liveBlogId: this.liveBlogId })
        .catch(() => null);
      if (ack?.ok) this.show(ack.editors);
      else this.say('presence unavailable');
    });
    socket.on('editors', ({ liveBlogId, editors }) => liveBlogId === this.liveBlogId && this.show(editors));
    socket.on('connect_error', (error) =>
      this.say(/sign in/.test(error.message) ? 'sign in as an editor' : 'reconnecting…'),
    );
    socket.on('disconnect', () => this.say('reconnecting…'));
    socket.on('signed-out', () => this.say('your session has ended: sign in again'));
  }

  show(editors) {
    const me = currentEditor();
    const items = editors.map((editor) => {
      const item = document.createElement('span');
      item.className = editor.id === me?.id ? 'presence__editor presence__editor--me' : 'presence__editor';
      item.dataset.editorId = editor.id;
      item.dataset.initial = editor.name.trim().charAt(0).toUpperCase();
      item.textContent = editor.id === me?.id ? `${editor.name} (you)` : editor.name;
      return item;
    });
    this.list.replaceChildren(...items);
  }

  say(text) {
    this.list.textContent = text;
  }
}
