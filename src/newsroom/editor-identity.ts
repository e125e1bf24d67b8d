import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ROLES, type Role } from '../auth/roles.js';
import type { Author } from '../live-blog/domain/index.js';

interface Handshake {
  readonly auth: Record<string, unknown>;
}

/** Who opened a newsroom socket: an editor (or admin) proven by the bearer token sent in the handshake. */
@Injectable()
export class EditorIdentity {
  constructor(private readonly jwt: JwtService) {}

  async ofHandshake(handshake: Handshake): Promise<Author | null> {
    const token = handshake.auth.token;
    if (typeof token !== 'string' || !token) return null;
    try {
      const { sub, name, role } = await this.jwt.verifyAsync<{ sub?: unknown; name?: unknown; role?: unknown }>(token);
      if (typeof sub !== 'string' || typeof name !== 'string' || !ROLES.includes(role as Role)) return null;
      return role === 'editor' || role === 'admin' ? { id: sub, name, role } : null;
    } catch {
      return null;
    }
  }
}
