import { Injectable, type PipeTransform } from '@nestjs/common';
import { LIVE_BLOG_ID_PATTERN } from '../application/stream-names.js';
import { LiveBlogNotFound } from '../domain/index.js';

/** An id that is not a slug cannot name a live blog: 404, before anything is read. */
@Injectable()
export class LiveBlogIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!LIVE_BLOG_ID_PATTERN.test(value)) throw new LiveBlogNotFound(value);
    return value;
  }
}
