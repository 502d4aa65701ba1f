export declare const EMBED_FILE: string;
export declare const LOCAL_SEARCH_EMBED_FILE: string;
export declare function integrityOf(bytes: Uint8Array | string): string;
export declare function writeSri(file?: string): string;
