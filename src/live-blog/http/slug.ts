/** A live-blog id made from a title: "Kyrgyzstan: Bakiyev refuses" → "kyrgyzstan-bakiyev-refuses". */
export function slugOf(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return slug.length >= 3 ? slug : `blog-${slug || 'untitled'}`;
}
