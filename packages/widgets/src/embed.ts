// The partner embed (`dist/referral-kit.js`): one classic script that registers every element. Registration is
// guarded (`defineElement`), so loading this file twice, or next to another copy, keeps the first definitions.
// It searches the directory through the API: the in-page engine (about 13 KB brotli) would not fit its 40 KB budget;
// `embed-local-search.ts` is the same embed with it.
// Languages other than English are files of their own next to this one, fetched when used (script-languages.ts).
import './internal/script-languages.js';
import './referral-widget.js';
import './referral-directory.js';
import './referral-offender-lookup.js';
import './referral-alert-signup.js';
import './referral-quick-exit.js';
