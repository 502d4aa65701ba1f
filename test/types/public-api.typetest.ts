// Type tests for the public API, checked by `npm run typecheck` (tsc) and never run: each `@ts-expect-error` fails the
// typecheck if the line below it stops being an error, and each assignment fails if a type widens or drifts.
import {
  ApiError,
  createClient,
  type AlertChannel,
  type CustodyRecord,
  type CustodyStatus,
  type ReferralClient,
  type Service,
  type GuideStatus,
} from '@referral-kit/sdk';
import { createServiceIndex, type SearchResult } from '@referral-kit/sdk/search';
import { fromHsdsReport, type HsdsIssue } from '@referral-kit/sdk/hsds';
import { ReferralSearchEvent, type ReferralWidget } from '@referral-kit/widgets';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const exact = <A, B>(proof: Equal<A, B>) => proof;

declare const client: ReferralClient;
declare const services: Service[];

export async function sdkTypes(): Promise<void> {
  // @ts-expect-error baseUrl is required
  createClient({});
  createClient({ baseUrl: 'https://api.example.org', partnerId: 'p', timeoutMs: 5000, retries: 1, fetch });

  const page = await client.custody.search({ name: 'Ana', birthYear: 1990, state: 'TX', page: 2 });
  const record: CustodyRecord = page.items[0]!;
  exact<typeof record.status, CustodyStatus>(true);
  exact<
    CustodyStatus,
    | 'in-custody'
    | 'immigration-detainer'
    | 'immigration-detention'
    | 'transferred'
    | 'released'
    | 'released-on-bond'
    | 'released-on-order'
    | 'supervised'
    | 'removed'
    | 'voluntary-departure'
    | 'escaped'
    | 'returned-to-custody'
    | 'deceased'
    | 'unknown'
  >(true);
  // A status the SDK does not know is read as 'unknown', so the parsed type stays the known union.
  const guide = await client.custody.guide({ lang: 'es' });
  exact<typeof guide.statuses, GuideStatus[]>(true);
  // @ts-expect-error a birth year is a number, not text
  await client.custody.search({ name: 'Ana', birthYear: '1990' });
  // @ts-expect-error records never carry a date of birth
  void record.dateOfBirth;

  await client.services.search({
    q: 'shelter',
    category: ['shelter'],
    language: ['es'],
    openNow: true,
    open24x7: true,
  });
  // @ts-expect-error lat and lon are numbers
  await client.services.search({ lat: '29.7', lon: '-95.3' });

  exact<AlertChannel, 'email' | 'sms' | 'voice' | 'tty'>(true);
  const pending = await client.alerts.subscribe(
    { subjectId: 'c-1', channel: 'voice', contact: '+17135550100', language: 'es', events: ['release'], pin: '4321' },
    { idempotencyKey: 'key-123456' },
  );
  exact<typeof pending.status, 'pending'>(true);
  await client.alerts.subscribe({
    subjectId: 'c-1',
    // @ts-expect-error "fax" is not an alert channel
    channel: 'fax',
    contact: 'x',
    language: 'en',
    events: ['release'],
  });
  await client.alerts.confirm({ confirmationId: pending.confirmationId, code: '123456' });
  await client.alerts.confirm({ token: 'a-token-from-an-email-link' });

  const snapshot = await client.services.snapshot({ etag: 'W/"1"' });
  if (!snapshot.notModified) exact<typeof snapshot.snapshot.services, Service[]>(true);

  try {
    await client.services.get('svc-1');
  } catch (error) {
    if (error instanceof ApiError) exact<typeof error.status, number>(true);
  }
}

export function searchTypes(): void {
  const results: SearchResult[] = createServiceIndex(services).search('abogado', {
    limit: 3,
    near: { postalCode: '93721' },
  });
  exact<(typeof results)[number]['service'], Service>(true);
  // @ts-expect-error sort is 'relevance' or 'distance'
  createServiceIndex(services).search('x', { sort: 'name' });
  const { issues } = fromHsdsReport([]);
  exact<typeof issues, HsdsIssue[]>(true);
}

export function widgetTypes(): void {
  const widget = document.createElement('referral-widget');
  exact<typeof widget, ReferralWidget>(true);
  widget.apiBaseUrl = 'https://api.example.org';
  widget.addEventListener('referral-search', (event) => {
    exact<typeof event, ReferralSearchEvent>(true);
    exact<typeof event.mode, 'local' | 'server'>(true);
    // @ts-expect-error events never carry what the visitor typed
    void event.query;
  });
}
