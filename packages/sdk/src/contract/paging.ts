// Paging numbers, apart from the schemas so that zod-free code (the search adapter) can use them without zod.

export const PAGE_SIZE_MAX = 100;
/** Results per page when a query does not say. */
export const DEFAULT_PAGE_SIZE = 20;
