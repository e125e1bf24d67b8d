/**
 * `true` when a response class and the server's own type have the same members, each of a type the
 * other accepts; `false` otherwise. Each response class (what `/docs-json` and `/asyncapi.json` are
 * generated from) states `const shape: SameShape<Response, ServerType> = true`, so a field added,
 * removed or retyped on one side and not the other fails the type check instead of the document
 * quietly going stale.
 */
export type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
