export interface Sizes {
  min: number;
  gzip: number;
  brotli: number;
}
export declare const BUDGETS: {
  embed: number;
  embedLocalSearch: number;
  captureFrame: number;
  sdk: number;
  search: number;
};
export declare function measure(code: string | Uint8Array): Sizes;
export declare function bundleSdk(input?: string): Promise<{ code: string; map: unknown }>;
export declare function bytesBySource(code: string, map: { mappings: string; sources: string[] }): Map<string, number>;
export declare function byPackage(totals: Map<string, number>, base: string): [string, number][];
export declare function sizeReport(): Promise<
  (Sizes & { label: string; budget: number; over: boolean; parts: Record<string, number> })[]
>;
