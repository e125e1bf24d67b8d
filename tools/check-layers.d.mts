export declare const LAYERS: readonly string[];
export declare function layerProblems(srcFolder: string): string[];
