// Who else has this story's console open, live, over the /newsroom socket (only signed-in editors
// may connect: the handshake carries the session cookie). Names are drawn with textContent.
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { currentEditor, type Editor } from './console-auth.js';

type JoinAck = { readonly ok: true; readonly editors: Editor[] } | { readonly ok: false };

/** The /newsroom namespace as the console uses it (src/newsroom/). */
interface NewsroomSocket {
  editors: (present: { liveBlogId: string; editors: Editor[] }) => void;
  'signed-out': () => void;
}
interface NewsroomRequests {
  join: (request: { liveBlogId: string }, ack: (reply: JoinAck) => void) => void;
}

export class Presence {
  private readonly list: HTMLElement;

  constructor(
    root: HTMLElement,
    private readonly liveBlogId: string,
  ) {
    this.list = root.querySelector<HTMLElement>('[data-presence-list]')!;
  }

  connect(): void {
    const socket: Socket<NewsroomSocket, NewsroomRequests> = io('/newsroom', { transports: ['websocket', 'polling'] });
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

  private show(editors: readonly Editor[]): void {
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

  private say(text: string): void {
    this.list.textContent = text;
  }
}
