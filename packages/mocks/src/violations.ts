// For the 'contract-violation' scenario: per route, a 200 body that a careful client must reject.
import type { RouteName } from '@referral-kit/sdk';

const badCustody = {
  id: 'cus-bogus',
  displayName: 'Contract Violation',
  status: 'on-vacation',
  dateOfBirth: '1980-02-29',
  identifiers: [],
  sourceUpdatedAt: 'yesterday',
};

const badService = {
  id: 'svc-bogus',
  name: 'Contract Violation',
  organization: { id: 'org-bogus', name: 'Bogus' },
  description: 'A link that must never be rendered.',
  categories: ['hotline'],
  languages: ['en'],
  phones: [],
  url: 'javascript:alert(1)',
  locations: [{ city: 'Houston', address: '1 Secret Rd', lat: 29.76, lon: -95.37, confidential: true }],
};

export const CONTRACT_VIOLATIONS: Record<RouteName, unknown> = {
  searchCustody: { items: [badCustody], total: 1, page: 1, pageSize: 20 },
  getCustodyRecord: badCustody,
  getCustodyGuide: { language: 'english', statuses: [{ status: 'released', meaning: 1 }], topics: 'none' },
  searchServices: { items: [{ service: badService }], total: 'many', page: 1, pageSize: 20 },
  getService: badService,
  getDirectorySnapshot: { version: 1, generatedAt: 'now', services: [badService] },
  listHotlines: { items: [{ id: 'bogus', name: 'Bogus', number: 'call me', type: 'pigeon', languages: ['english'] }] },
  getAlertOptions: { channels: [{ channel: 'carrier-pigeon', languages: [] }] },
  getCallbackOptions: { channels: [{ channel: 'fax', languages: ['en'] }] },
  subscribe: { status: 'subscribed', contactKnown: true },
  confirmSubscription: { status: 'maybe' },
  unsubscribe: { ok: true },
  requestCallback: { status: 'received', reference: 'ABC', cancelToken: '' },
  cancelCallback: { status: 'maybe' },
};
