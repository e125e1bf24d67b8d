import { ForbiddenException, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Author } from '../live-blog/domain/index.js';
import { ROLES, ROLES_KEY, type Role } from './roles.js';

interface Claims {
  readonly sub?: unknown;
  readonly name?: unknown;
  readonly role?: unknown;
}

/** Routes marked with @Roles need a bearer JWT whose `role` is one of them (or admin). Others are public. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (!roles) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; author?: Author }>();
    const author = await this.authenticate(request.headers.authorization);
    if (author.role !== 'admin' && !roles.includes(author.role as Role)) {
      throw new ForbiddenException(`this needs the role ${roles.join(' or ')}; the token's role is ${author.role}`);
    }
    request.author = author;
    return true;
  }

  private async authenticate(header: string | undefined): Promise<Author> {
    const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    if (!match) throw new UnauthorizedException('send Authorization: Bearer <token> (npm run token -- --role editor --name "…")');
    let claims: Claims;
    try {
      claims = await this.jwt.verifyAsync<Claims & object>(match[1]!);
    } catch {
      throw new UnauthorizedException('the bearer token is invalid or expired');
    }
    const { sub, name, role } = claims;
    if (typeof sub !== 'string' || !sub || typeof name !== 'string' || !name || !ROLES.includes(role as Role)) {
      throw new UnauthorizedException('the bearer token needs the claims sub, name and role (editor, auditor or admin)');
    }
    return { id: sub, name, role: role as Role };
  }
}
