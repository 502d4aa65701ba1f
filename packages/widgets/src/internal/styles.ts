// The shared styles as the Lit stylesheet every element adopts (the rules live in base-css.ts).
import { unsafeCSS } from 'lit';
import { BASE_CSS } from './base-css.js';

export const baseStyles = unsafeCSS(BASE_CSS);
