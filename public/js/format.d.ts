/** Types of format.js, which the server and the browser share. */
export interface FigureLike {
  readonly count: number;
  readonly qualifier: string;
}
export interface CasualtiesLike {
  readonly dead: FigureLike | null;
  readonly injured: FigureLike | null;
}
export function lastUpdatedLine(iso: string): string;
export function localTime(iso: string, timeZone: string | null | undefined): string | null;
export function updateTime(iso: string, pageIso?: string | null): string;
export function figureWords(figure: FigureLike | null | undefined): string | null;
export function casualtyWords(casualties: CasualtiesLike | null | undefined): string | null;
export function kindLabel(kind: string): string;
export function readersLine(count: number): string;
