import {
  Catch,
  ForbiddenException,
  UnauthorizedException,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type {} from '@fastify/view';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionUser } from '../auth/index.js';
import { pageHelpers } from './page-helpers.js';

/** On pages, "not signed in" and "not allowed" are answered as pages, not as JSON problems. */
@Catch(UnauthorizedException, ForbiddenException)
export class PageAuthFilter implements ExceptionFilter {
  catch(exception: UnauthorizedException | ForbiddenException, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest & { session?: SessionUser }>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    reply.header('Cache-Control', 'no-store');
    if (exception instanceof UnauthorizedException) {
      void reply.redirect(`/signin?next=${encodeURIComponent(request.url)}`, 303);
      return;
    }
    const page = { title: 'Not allowed' };
    void reply
      .code(403)
      .view('forbidden', { page, message: exception.message, session: request.session, fmt: pageHelpers });
  }
}
