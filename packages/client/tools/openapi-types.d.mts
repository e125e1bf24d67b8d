export declare const TYPES_FILE: string;
export declare function typesOf(document: object): Promise<string>;
