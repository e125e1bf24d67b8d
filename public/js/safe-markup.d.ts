/** Types of safe-markup.js, which the server and the browser share. */
export declare const SAFE_MARKUP: {
  readonly allowedTags: readonly string[];
  readonly allowedAttributes: { readonly a: readonly string[] };
  readonly allowedSchemes: readonly string[];
  readonly nonTextTags: readonly string[];
};
