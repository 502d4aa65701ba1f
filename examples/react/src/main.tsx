// A small React app using the React wrappers from `@referral-kit/widgets/react`: props instead of attributes,
// `on…` props for the widget's events. Built by `npm run build` into dist/app.js.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ReferralWidget } from '@referral-kit/widgets/react';
import type {
  ReferralErrorEvent,
  ReferralLookupEvent,
  ReferralSearchEvent,
  ReferralSubscribeEvent,
} from '@referral-kit/widgets';

const API = 'http://127.0.0.1:8787';

function App() {
  const [lang, setLang] = useState('en');
  // What the partner learns from events: counts and steps, never what the visitor typed.
  const [log, setLog] = useState<string[]>([]);
  const note = (line: string) => setLog((lines) => [line, ...lines].slice(0, 5));

  return (
    <main>
      <h1>Help finder (React)</h1>
      <label>
        Language{' '}
        <select value={lang} onChange={(e) => setLang(e.target.value)}>
          <option value="en">English</option>
          <option value="es">Español</option>
          <option value="ar">العربية</option>
        </select>
      </label>
      <ReferralWidget
        apiBaseUrl={API}
        partnerId="react-example"
        lang={lang}
        onReferralSearch={(e: ReferralSearchEvent) => note(`search: ${e.resultCount} results (${e.mode})`)}
        onReferralLookup={(e: ReferralLookupEvent) => note(`lookup by ${e.by}: ${e.resultCount} records`)}
        onReferralSubscribe={(e: ReferralSubscribeEvent) => note(`alerts: ${e.step} (${e.channel})`)}
        onReferralError={(e: ReferralErrorEvent) => note(`error: ${e.kind} in ${e.source}`)}
      />
      <section aria-labelledby="events-heading">
        <h2 id="events-heading">Events seen by the app</h2>
        <ol id="event-log">
          {log.map((line, i) => (
            <li key={`${i}-${line}`}>{line}</li>
          ))}
        </ol>
      </section>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
