import { Injectable, NotFoundException, type PipeTransform } from '@nestjs/common';
import { LIVE_BLOG_ID_PATTERN } from '../application/stream-names.js';

/** An id that is not a slug cannot name a live blog: 404, before anything is read. */
@Injectable()
export class LiveBlogIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!LIVE_BLOG_ID_PATTERN.test(value)) throw new NotFoundException(`no live blog "${value}"`);
    return value;
  }
}
