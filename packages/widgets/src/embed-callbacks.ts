// The opt-in embed (`dist/referral-kit.callbacks.js`): the default embed plus <referral-callback-request>, which also
// turns on the widget's "Talk to a specialist" tab and the "ask a specialist" buttons (about 4 KB brotli with its
// strings), for agencies that run a callback team.
import './embed.js';
import './referral-callback-request.js';
