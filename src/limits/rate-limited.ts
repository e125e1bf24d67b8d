import { HttpException, HttpStatus } from '@nestjs/common';

/** A budget is spent: 429 in the one error shape, with `Retry-After` (set by the problem-details filter). */
export class RateLimited extends HttpException {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super({ message, details: { retryAfterSeconds } }, HttpStatus.TOO_MANY_REQUESTS);
  }
}
