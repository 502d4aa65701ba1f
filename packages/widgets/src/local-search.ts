// `@referral-kit/widgets/local-search`: turns on in-page directory search for pages that import single elements
// (`@referral-kit/widgets/referral-directory`) instead of the package root, which turns it on already.
import './internal/local-source.js';
