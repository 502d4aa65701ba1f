// Where Chromium lives and the flags it needs on a network-less machine running as root.
import { existsSync } from 'node:fs';

export const chromeArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromePath() {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  const found = candidates.find((p) => p && existsSync(p));
  if (!found)
    throw new Error("Chromium not found: install Debian's chromium (`apt-get install chromium`) or set CHROME_PATH.");
  return found;
}
