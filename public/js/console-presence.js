// Who else has this story's console open, live, over the /newsroom socket (only signed-in editors
// may connect). Names are drawn with textContent.
import { io } from '../vendor/socket.io/socket.io.esm.min.js';
import { currentEditor, socketAuth } from './console-auth.js';

export class Presence {
  constructor(root, liveBlogId) {
    this.liveBlogId = liveBlogId;
    this.list = root.querySelector('[data-presence-list]');
    this.socket = null;
  }

  /** (Re)connects with the current credentials; call again after signing in or out. */
  connect() {
    this.socket?.disconnect();
    if (!currentEditor()) return this.say('sign in to see who else is editing');
    const socket = io('/newsroom', { auth: socketAuth(), transports: ['websocket', 'polling'] });
    this.socket = socket;
    socket.on('connect', async () => {
      const ack = await socket.timeout(10_000).emitWithAck('join', { liveBlogId: this.liveBlogId }).catch(() => null);
      if (ack?.ok) this.show(ack.editors);
      else this.say('presence unavailable');
    });
    socket.on('editors', ({ liveBlogId, editors }) => liveBlogId === this.liveBlogId && this.show(editors));
    socket.on('connect_error', (error) => this.say(/sign in/.test(error.message) ? 'sign in as an editor' : 'reconnecting…'));
    socket.on('disconnect', () => this.say('reconnecting…'));
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
