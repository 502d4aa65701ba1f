// Links are only ever built here, from validated values: https:, tel:, sms: and mailto:. Anything else yields
// undefined and the caller renders plain text instead of a link.
import { normalizeContact } from '@referral-kit/sdk';

/** A dialable number: digits and a leading +, with the extension (if any) as a pause. */
function dialable(number: string): string | undefined {
  const [main = '', ext] = number.split(/\s*(?:x|ext\.?)\s*/i);
  const digits = main.replace(/[^\d+]/g, '');
  if (!/^\+?\d{3,15}$/.test(digits)) return undefined;
  return ext && /^\d{1,6}$/.test(ext) ? `${digits},${ext}` : digits;
}

export function telHref(number: string): string | undefined {
  const n = dialable(number);
  return n && `tel:${n}`;
}

export function smsHref(number: string, body?: string): string | undefined {
  const n = dialable(number);
  if (!n || n.includes(',')) return undefined;
  return body ? `sms:${n}?&body=${encodeURIComponent(body)}` : `sms:${n}`;
}

export function mailtoHref(email: string): string | undefined {
  const e = normalizeContact('email', email);
  return e ? `mailto:${e}` : undefined;
}

/** Only absolute https: URLs without credentials survive; everything else (javascript:, data:, http:) is dropped. */
export function httpsHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' || parsed.username || parsed.password) return undefined;
    return parsed.href;
  } catch {
    return undefined;
  }
}

/** Loopback host names as URL.hostname spells them. */
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/**
 * Where quick exit may go: any https: URL, http: on this page's own origin (an intranet page) or on loopback (a
 * partner testing locally). Relative URLs resolve against the page. Anything else gives the reason it was refused.
 */
export function exitHref(value: string): { href: string } | { refused: string } {
  let url: URL;
  try {
    url = new URL(value, document.baseURI);
  } catch {
    return { refused: 'it is not a URL' };
  }
  if (url.username || url.password) return { refused: 'it carries a user name or password' };
  const http = url.protocol === 'http:' && (url.origin === location.origin || LOOPBACK_HOSTS.includes(url.hostname));
  if (url.protocol === 'https:' || http) return { href: url.href };
  return { refused: `${url.protocol} is not allowed (only https:, this origin, or http: on loopback)` };
}

/** Directions to a public place. Confidential locations (shelters) never get one. */
export function directionsHref(location: {
  confidential: boolean;
  address?: string | undefined;
  city?: string | undefined;
  state?: string | undefined;
  postalCode?: string | undefined;
  lat?: number | undefined;
  lon?: number | undefined;
}): string | undefined {
  if (location.confidential) return undefined;
  const query =
    location.lat !== undefined && location.lon !== undefined
      ? `${location.lat},${location.lon}`
      : location.address
        ? [location.address, location.city, location.state, location.postalCode].filter(Boolean).join(', ')
        : undefined;
  return query ? `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(query)}` : undefined;
}
