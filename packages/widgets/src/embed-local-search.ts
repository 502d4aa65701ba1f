// The opt-in embed (`dist/referral-kit.local-search.js`): the default embed plus the in-page directory search engine,
// so directories of up to 500 services are searched in the page and the visitor's search words never leave the device.
import './embed.js';
import './internal/local-source.js';
