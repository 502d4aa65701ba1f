// Open Referral HSDS 3.0 in and out.
export { fromHsds, fromHsdsReport } from './from-hsds.js';
export type { FromHsdsOptions, HsdsIssue, HsdsReport } from './from-hsds.js';
export { toHsds } from './to-hsds.js';
