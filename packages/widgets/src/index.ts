// @referral-kit/widgets: importing this module registers every element and turns on in-page directory search
// (the SDK engine searches small directories in the page; the one-file default embed leaves it out, see embed.ts).
import './internal/local-source.js';
import './i18n/on-demand.js';
export { ReferralWidget } from './referral-widget.js';
export { ReferralDirectory } from './referral-directory.js';
export { ReferralOffenderLookup } from './referral-offender-lookup.js';
export { ReferralAlertSignup } from './referral-alert-signup.js';
export { ReferralCallbackRequest } from './referral-callback-request.js';
export { ReferralCustodyGuide } from './referral-custody-guide.js';
export { ReferralQuickExit, DEFAULT_EXIT_URL } from './referral-quick-exit.js';
export * from './events.js';
export { BUILT_IN_HOTLINES, type HotlineEntry, type HotlinePhone } from './internal/hotlines.js';
export type { SearchMode } from './internal/directory-source.js';
export { registerCatalog, registeredLanguages, type Catalog } from './i18n/index.js';
