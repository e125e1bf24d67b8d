/** Streams are named `liveblog-<id>`; `<id>` is a slug (DESIGN §2). */
export const LIVE_BLOG_ID_PATTERN = /^[a-z0-9][a-z0-9-]{2,79}$/;

const PREFIX = 'liveblog-';

export function streamOf(liveBlogId: string): string {
  return PREFIX + liveBlogId;
}

/** The live blog a stream belongs to, or null for a stream of some other kind. */
export function liveBlogIdOf(stream: string): string | null {
  return stream.startsWith(PREFIX) ? stream.slice(PREFIX.length) : null;
}
