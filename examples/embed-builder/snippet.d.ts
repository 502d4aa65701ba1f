// The types of snippet.js (plain JavaScript the builder page loads as is), for the tests that import it.

export declare const CATEGORIES: string[];

/** WCAG 2.x contrast ratio of two #rrggbb colours. */
export declare function contrastRatio(a: string, b: string): number;

export declare function buildSnippet(o: {
  scriptUrl: string;
  integrity?: string;
  apiBaseUrl: string;
  partnerId: string;
  lang?: string;
  near?: string;
  categories?: string[];
  capture?: '' | 'isolated';
  colors?: { primary?: string; surface?: string; text?: string };
}): string;
