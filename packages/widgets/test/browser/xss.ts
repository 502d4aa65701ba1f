// A corpus of hostile strings placed in every text field of a service and a custody record.
import type { CustodyRecord, Service } from '@referral-kit/sdk';
import { data } from './helpers.js';

declare global {
  interface Window {
    __xss?: number;
  }
}

export const XSS = {
  script: '<script>window.__xss = 1</script>',
  img: '<img src=x onerror="window.__xss = 2">',
  js: 'javascript:window.__xss = 3',
  attr: '" onmouseover="window.__xss = 4" x="',
  svg: '<svg onload="window.__xss = 5"></svg>',
};
const all = Object.values(XSS).join(' ');

export const xssRan = () => window.__xss !== undefined;

const base = data.services.find((s) => s.locations.length > 0 && s.phones.length > 0)!;
export const xssService: Service = {
  ...base,
  id: 'svc-xss',
  name: XSS.script,
  alternateName: XSS.img,
  organization: { id: 'org-xss', name: XSS.img, url: 'https://example.org/"><script>window.__xss=6</script>' },
  description: all,
  eligibility: all,
  fees: XSS.attr,
  accessibility: XSS.svg,
  serviceArea: XSS.js,
  url: 'https://example.org/?q="><img src=x onerror=window.__xss=7>',
  phones: base.phones.map((p) => ({ ...p, description: all })),
  locations: [
    { name: XSS.svg, address: XSS.attr, city: XSS.js, state: XSS.img, confidential: false, lat: 29.7, lon: -95.3 },
  ],
  schedule: { open24x7: false, hours: [], note: all },
};

const record = data.custody[0]!;
export const xssRecord: CustodyRecord = {
  ...record,
  id: 'cus-xss',
  displayName: XSS.script,
  statusReason: all,
  identifiers: [{ type: 'booking', value: XSS.img.slice(0, 60) }],
  facility: {
    id: 'fac-xss',
    name: XSS.svg,
    operator: XSS.img,
    address: XSS.attr,
    city: XSS.js,
    state: 'TX',
    phone: '(713) 555-0100',
    timeZone: 'America/Chicago',
    visitingUrl: 'https://example.org/?q="><img src=x onerror=window.__xss=8>',
  },
};
