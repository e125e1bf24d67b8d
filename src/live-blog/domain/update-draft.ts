import { compact, markupText, media, optionalInstant, optionalText, updateKind } from './command-validation.js';
import type { UpdateDraft } from './newsroom-events.js';
import * as limit from './limits.js';

/** An update's fields as they may be posted, scheduled or submitted: checked, trimmed, without empty optionals. */
export function updateDraft(fields: { readonly [K in keyof UpdateDraft]?: unknown }): UpdateDraft {
  return compact({
    kind: updateKind(fields.kind),
    headline: optionalText(fields.headline, 'headline', limit.MAX_UPDATE_HEADLINE_LENGTH),
    body: markupText(fields.body, 'body', limit.MAX_BODY_LENGTH),
    byline: optionalText(fields.byline, 'byline', limit.MAX_BYLINE_LENGTH),
    attribution: optionalText(fields.attribution, 'attribution', limit.MAX_ATTRIBUTION_LENGTH),
    location: optionalText(fields.location, 'location', limit.MAX_LOCATION_LENGTH),
    sources: optionalText(fields.sources, 'sources', limit.MAX_SOURCES_LENGTH),
    occurredAt: optionalInstant(fields.occurredAt, 'occurredAt'),
    media: fields.media == null ? undefined : media(fields.media),
  });
}

/** A draft with some fields replaced: an absent field keeps its value, null takes an optional one away. */
export function editedDraft(
  draft: UpdateDraft,
  edits: { readonly [K in keyof UpdateDraft]?: UpdateDraft[K] | null } | undefined,
): UpdateDraft {
  const merged: Record<string, unknown> = { ...draft };
  for (const [field, value] of Object.entries(edits ?? {})) {
    if (value === undefined) continue;
    if (value === null) delete merged[field];
    else merged[field] = value;
  }
  return updateDraft(merged);
}
