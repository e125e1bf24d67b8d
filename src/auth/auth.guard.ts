import {
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SessionAuthenticator, type SessionUser } from './session-authenticator.js';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { RequestLimits } from '../limits/index.js';
import { PAGE_KEY, ROLES_KEY } from './roles.js';
import { authorOf, TokenRefused } from './token-policy.js';
import { type Author, type Role, clientAddress } from '../kernel/index.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What the guard leaves on the request for the route: who it is, and their session when they signed in. */
export type AuthenticatedRequest = FastifyRequest & { author?: Author; session?: SessionUser };

/** A page route was asked for without a session: the page filter sends the browser to /signin. */
class SignInRequired extends UnauthorizedException {}

/**
 * Routes marked with @Roles need a bearer JWT or a sign-in session whose role is one of them (or
 * admin). Others are public. A bearer token from `npm run token` or an outside issuer is trusted
 * for its life; a session's token (cookie or bearer) only while its session is open.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly sessions: SessionAuthenticator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly limits: RequestLimits,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles) return true;
    const isPage = this.reflector.getAllAndOverride<boolean | undefined>(PAGE_KEY, targets) === true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const author = await this.authenticate(request, context.switchToHttp().getResponse<FastifyReply>(), isPage);
    // Set before the role check: the access log names who was refused, too.
    request.author = author;
    if (author.role !== 'admin' && !roles.includes(author.role as Role)) {
      throw new ForbiddenException(`this needs the role ${roles.join(' or ')}; yours is ${author.role}`);
    }
    if (!SAFE_METHODS.has(request.method)) await this.limits.write(author);
    return true;
  }

  private async authenticate(request: AuthenticatedRequest, reply: FastifyReply, isPage: boolean): Promise<Author> {
    const header = request.headers.authorization;
    if (header !== undefined) return this.fromBearer(header).catch((error) => this.refusedToken(request, error));
    const session = this.sessions.fromRequest(request, reply);
    if (session) {
      request.session = session;
      return session.author;
    }
    if (isPage) throw new SignInRequired('sign in first');
    throw new UnauthorizedException(
      'sign in, or send Authorization: Bearer <token> (npm run token -- --role editor --name "…")',
    );
  }

  /** A refused bearer token counts against its address: past the budget it answers 429, not 401. */
  private async refusedToken(request: FastifyRequest, error: unknown): Promise<never> {
    if (error instanceof UnauthorizedException) {
      await this.limits.badToken(
        clientAddress({ address: request.ip, headers: request.headers }, this.config.trustedProxies),
      );
    }
    throw error;
  }

  private async fromBearer(header: string): Promise<Author> {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match)
      throw new UnauthorizedException('send Authorization: Bearer <token> (npm run token -- --role editor --name "…")');
    const token = match[1]!;
    if (this.sessions.isSessionToken(token)) {
      const session = this.sessions.fromToken(token);
      if (!session) throw new UnauthorizedException('the session has ended or expired: sign in again');
      return session.author;
    }
    let claims: Record<string, unknown>;
    try {
      claims = await this.jwt.verifyAsync<Record<string, unknown>>(token);
    } catch (error) {
      throw new UnauthorizedException(`the bearer token is invalid or expired (${(error as Error).message})`);
    }
    try {
      return authorOf(claims, this.config.tokens, Date.now() / 1000);
    } catch (error) {
      if (error instanceof TokenRefused) throw new UnauthorizedException(error.message);
      throw error;
    }
  }
}
