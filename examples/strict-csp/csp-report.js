// Counts Content-Security-Policy violations on this page and shows them (the e2e test reads the same list).
const violations = [];
window.__cspViolations = violations;
document.addEventListener('securitypolicyviolation', (event) => {
  violations.push({ directive: event.effectiveDirective, blocked: event.blockedURI, sample: event.sample });
  showCount();
});
// The count's element is parsed after this script runs.
const showCount = () => {
  const out = document.getElementById('csp-violations');
  if (out) out.textContent = String(violations.length);
};
document.addEventListener('DOMContentLoaded', showCount);
