import { Body, Controller, Get, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type {} from '@fastify/view';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { pageHelpers } from './page-helpers.js';
import { SignInRefused, SignInService, SignInThrottled } from '../accounts/index.js';
import { SignInFormDto } from './sign-in.dto.js';
import {
  SessionAuthenticator,
  type SessionUser,
  clearSessionCookie,
  fromOwnSite,
  setSessionCookie,
  SessionTokens,
} from '../auth/index.js';
import { clientAddress } from '../kernel/index.js';

/** Where a signed-in editor goes when the sign-in link named nowhere (or somewhere off this site). */
const AFTER_SIGN_IN = '/newsroom';

interface FormModel {
  readonly session?: SessionUser | null;
  readonly next: string;
  readonly username?: string;
  readonly error?: string;
}

/** The sign-in form, and the two writes that open and end a session. */
@ApiExcludeController()
@Controller()
export class SignInController {
  constructor(
    private readonly signIn: SignInService,
    private readonly sessions: SessionAuthenticator,
    private readonly tokens: SessionTokens,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('signin')
  form(@Query('next') next: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const session = this.sessions.fromRequest(request, reply);
    return this.render(reply, 200, { session, next: safeNext(next) });
  }

  @Post('signin')
  async submit(@Body() form: SignInFormDto, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const next = safeNext(form.next);
    const username = form.username?.trim() ?? '';
    if (!fromOwnSite(request))
      return this.render(reply, 403, { next, error: 'Sign in from this site’s own sign-in page.' });
    if (!username || !form.password)
      return this.render(reply, 400, { next, username, error: 'Enter your user name and password.' });
    try {
      const address = clientAddress({ address: request.ip, headers: request.headers }, this.config.trustedProxies);
      const { account, sessionId } = await this.signIn.signIn(username, form.password, address);
      setSessionCookie(
        reply,
        request,
        this.tokens.sign(account, sessionId, this.tokens.newCsrfSecret()),
        this.config.trustedProxies,
      );
      return reply.header('Cache-Control', 'no-store').redirect(next, 303);
    } catch (error) {
      if (error instanceof SignInThrottled) {
        reply.header('Retry-After', String(error.retryAfterSeconds));
        return this.render(reply, 429, {
          next,
          username,
          error: `Too many failed attempts. ${capitalised(error.message)}.`,
        });
      }
      if (error instanceof SignInRefused)
        return this.render(reply, 401, { next, username, error: 'The user name or password is wrong.' });
      throw error;
    }
  }

  /** Not behind the guard: a session that already ended still gets its cookie cleared. The CSRF token is checked. */
  @Post('signout')
  async signOut(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const session = this.sessions.fromRequest(request, reply);
    if (session) await this.signIn.signOut(session.account, session.claims.sessionId);
    clearSessionCookie(reply, request, this.config.trustedProxies);
    return reply.header('Cache-Control', 'no-store').redirect('/signin', 303);
  }

  private render(reply: FastifyReply, status: number, model: FormModel) {
    const page = { title: model.session ? 'Signed in' : 'Sign in' };
    return reply
      .code(status)
      .header('Cache-Control', 'no-store')
      .view('signin', { page, ...model, fmt: pageHelpers });
  }
}

/**
 * Only a path on this site: never `//host` or `/\host`, which browsers read as another site, and
 * only visible ASCII (a path is sent percent-encoded; anything else cannot go in a Location header).
 */
function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])[\x21-\x7e]*$/.test(next) ? next : AFTER_SIGN_IN;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
