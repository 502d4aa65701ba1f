// The partner embed (`dist/referral-kit.js`): one classic script that registers every element. Registration is
// guarded (`defineElement`), so loading this file twice, or next to another copy, keeps the first definitions.
import './index.js';
