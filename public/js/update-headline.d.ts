/** Types of update-headline.js, which the server and the browser share. */
export declare const HEADLINE_LENGTH: number;
export function firstSentence(text: string | null | undefined): string;
export function updateHeadline(headline: string | null | undefined, plainText: string): string;
