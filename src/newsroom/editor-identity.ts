import { Injectable } from '@nestjs/common';
import { AccountDirectory } from '../accounts/index.js';
import { SessionAuthenticator } from '../auth/index.js';
import type { Author } from '../kernel/index.js';

interface Handshake {
  readonly headers: { readonly cookie?: string };
}

/** An editor's sign-in as a socket holds it: who, and which session to re-check. */
export interface SocketEditor {
  readonly author: Author;
  readonly sessionId: string;
}

/**
 * Who opened a newsroom socket: an editor (or admin) signed in on this site, proven by the session
 * cookie the same-origin handshake carries (SameSite=Strict: another site's page cannot send it).
 */
@Injectable()
export class EditorIdentity {
  constructor(
    private readonly sessions: SessionAuthenticator,
    private readonly directory: AccountDirectory,
  ) {}

  ofHandshake(handshake: Handshake): SocketEditor | null {
    const user = this.sessions.fromCookieHeader(handshake.headers.cookie);
    if (!user || (user.author.role !== 'editor' && user.author.role !== 'admin')) return null;
    return { author: user.author, sessionId: user.claims.sessionId };
  }

  /**
   * Whether the session is still open. The socket keeps the cookie of its handshake, whose token
   * expires while the page renews its own, so the session itself is checked, not that token.
   */
  stillSignedIn(editor: SocketEditor): boolean {
    return this.directory.session(editor.author.id, editor.sessionId) !== null;
  }
}
