// Styles shared by every element (adopted once per document by Lit, see styles.ts). The host resets inherited
// properties so a partner page's global CSS (huge fonts, odd line heights, text-transform) cannot leak in; colours
// come from the documented custom properties, which do cross the shadow boundary on purpose.
/** The rules as text: no Lit here, so the isolated-capture frame can take them without the library. */
export const BASE_CSS = `
  :host {
    all: initial;
    display: block;
    box-sizing: border-box;
    max-inline-size: 100%;
    font-family: var(--referral-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Naskh Arabic', sans-serif);
    font-size: var(--referral-font-size, 1rem);
    line-height: 1.5;
    color: var(--referral-color-text, #1b1b1b);
    /* "anywhere", not "break-word": a word longer than its line also breaks inside flex items (a checkbox label). */
    overflow-wrap: anywhere;
    --_primary: var(--referral-color-primary, #0b4f8a);
    --_on-primary: var(--referral-color-on-primary, #ffffff);
    --_surface: var(--referral-color-surface, #ffffff);
    --_muted: var(--referral-color-muted, #4d4d4d);
    --_border: var(--referral-color-border, #6e6e6e);
    --_danger: var(--referral-color-danger, #b3261e);
    --_focus: var(--referral-color-focus, #ffbf47);
    --_radius: var(--referral-radius, 0.375rem);
    --_space: var(--referral-spacing, 1rem);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  /* Out of sight without moving off-screen (an offset would scroll the page sideways in right-to-left). */
  .honeypot {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .root {
    background: var(--_surface);
    color: inherit;
    padding: var(--_space);
    border-radius: var(--_radius);
  }
  h2,
  h3,
  h4,
  p,
  ul,
  ol,
  dl,
  fieldset {
    margin: 0 0 calc(var(--_space) * 0.75);
  }
  h2 {
    font-size: 1.375em;
    line-height: 1.25;
  }
  h3 {
    font-size: 1.125em;
    line-height: 1.3;
  }
  h4 {
    font-size: 1em;
  }
  ul,
  ol {
    padding: 0;
    list-style: none;
  }
  fieldset {
    border: 0;
    padding: 0;
    min-inline-size: 0;
  }
  legend {
    font-weight: 600;
    padding: 0;
    margin-block-end: 0.25em;
  }
  label {
    display: block;
    font-weight: 600;
  }
  .hint {
    display: block;
    color: var(--_muted);
    font-size: 0.9375em;
    font-weight: 400;
  }
  .field {
    margin-block-end: calc(var(--_space) * 0.75);
  }
  /* Side by side, one a line when narrow; --_column: the narrowest column. */
  .columns {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, var(--_column, 12rem)), 1fr));
    gap: 0 var(--_space);
  }
  form + * {
    margin-block-start: var(--_space);
  }
  input:not([type='checkbox'], [type='radio']),
  select,
  textarea,
  button {
    font: inherit;
    color: inherit;
  }
  input:not([type='checkbox'], [type='radio']),
  select,
  textarea {
    display: block;
    inline-size: 100%;
    min-block-size: 2.75rem;
    margin-block-start: 0.25em;
    padding: 0.5em 0.625em;
    background: var(--_surface);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
  }
  textarea {
    min-block-size: 5rem;
  }
  /* The capture frame's page pads its fields by 6px for the focus ring: pulled out by as much, it lines up. */
  iframe {
    display: block;
    border: 0;
    inline-size: calc(100% + 12px);
    margin: -6px;
  }
  input[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 0.5em;
    min-block-size: 2.75rem;
    font-weight: 400;
  }
  .choice input {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 0;
    flex: none;
    accent-color: var(--_primary);
  }
  button,
  .action {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.375em;
    min-block-size: 2.75rem;
    min-inline-size: 2.75rem;
    padding: 0.5em 1em;
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_primary);
    font-weight: 600;
    text-decoration: none;
    cursor: pointer;
  }
  .primary {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  button[aria-pressed='true'] {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    box-shadow: 0 0 0 5px #0b0c0c;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .error {
    color: var(--_danger);
    font-weight: 600;
  }
  .notice {
    border-inline-start: 0.3rem solid var(--_primary);
    padding-inline-start: 0.75em;
  }
  .notice.warning {
    border-color: var(--_danger);
  }
  .hotline {
    display: block;
    margin-block-end: calc(var(--_space) * 0.75);
  }
  .hotline .actions {
    margin-block-start: 0.25em;
  }
  .card {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75);
    margin-block-end: calc(var(--_space) * 0.75);
  }
  .badge {
    display: inline-block;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    padding: 0 0.375em;
    font-size: 0.875em;
    font-weight: 600;
  }
  .muted {
    color: var(--_muted);
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
      scroll-behavior: auto !important;
    }
  }
  @media (forced-colors: active) {
    button,
    .action {
      border-color: ButtonText;
    }
  }
`;
