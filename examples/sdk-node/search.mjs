#!/usr/bin/env node
// The SDK from Node, no browser: search victim services on the server, search the whole directory locally
// (fuzzy, in ten languages), and look up a person's custody status.
//
//   npm run build && npm start            # the reference API on http://127.0.0.1:8787
//   node examples/sdk-node/search.mjs "legal help" "Robert Miller"
//   REFERRAL_API=https://api.example.org node examples/sdk-node/search.mjs "refugio" "García"
import { createClient, NetworkError } from '@referral-kit/sdk';
import { createServiceIndex } from '@referral-kit/sdk/search';
import { allVocabularies } from '@referral-kit/sdk/vocabulary';

const [query = 'shelter', name = 'Robert Miller'] = process.argv.slice(2);
const client = createClient({
  baseUrl: process.env.REFERRAL_API ?? 'http://127.0.0.1:8787',
  partnerId: 'sdk-node-example',
});

try {
  // 1. The server searches (good for big directories).
  const page = await client.services.search({ q: query, pageSize: 5 });
  console.log(`Server search "${query}": ${page.total} services`);
  for (const { service } of page.items) console.log(`  - ${service.name} (${service.organization.name})`);

  // 2. Or take the whole directory once and search it locally: typo-tolerant, in all ten languages (a browser would
  //    pass only the ones it shows), and it says when the query is a cry for help.
  const { snapshot } = await client.services.snapshot();
  if (snapshot) {
    const index = createServiceIndex(snapshot.services, { vocabularies: allVocabularies });
    const local = index.search(query, { limit: 5 });
    if (index.read(query).crisis)
      console.log('  In danger now? Call 911. Call or text 988. DV hotline 1-800-799-7233.');
    console.log(`Local search "${query}" over ${snapshot.services.length} services: ${local.length} results`);
    for (const hit of local) console.log(`  - ${hit.service.name} [${hit.matches.map((m) => m.field).join(', ')}]`);
  }

  // 3. Custody lookup by name.
  const people = await client.custody.search({ name });
  console.log(`Custody lookup "${name}": ${people.total} records`);
  for (const person of people.items) {
    const where = person.facility ? ` at ${person.facility.name}` : '';
    console.log(`  - ${person.displayName}: ${person.status}${where} (as of ${person.sourceUpdatedAt})`);
  }
} catch (error) {
  // Every SDK failure is a named error with a plain message: ValidationError, ApiError, NetworkError, TimeoutError…
  console.error(`${error.name}: ${error.message}`);
  if (error instanceof NetworkError) console.error('Is the API running? Try `npm start`, or set REFERRAL_API.');
  process.exitCode = 1;
}
