// The built-in hotlines: shown in the hotline strip and whenever the API fails, so the widget is never blank.
// Names and descriptions come from the catalog (by id) so they are translated.
import type { Hotline } from '@referral-kit/sdk';

export interface HotlinePhone {
  number: string;
  type: 'voice' | 'text' | 'tty';
  /** For text lines that expect a keyword (text START to 88788). */
  body?: string;
}

export interface HotlineEntry {
  id: string;
  name?: string;
  description?: string;
  phones: HotlinePhone[];
}

export const BUILT_IN_HOTLINES: readonly HotlineEntry[] = [
  { id: 'dv', phones: [{ number: '1-800-799-7233', type: 'voice' }, { number: '88788', type: 'text', body: 'START' }] },
  { id: 'rainn', phones: [{ number: '1-800-656-4673', type: 'voice' }] },
  { id: 'crisis', phones: [{ number: '988', type: 'voice' }, { number: '988', type: 'text' }] },
  { id: 'voice', phones: [{ number: '1-855-488-6423', type: 'voice' }] },
  { id: 'vine', phones: [{ number: '1-866-277-7477', type: 'voice' }] },
];

/** Hotlines from the API, in the same shape (fax lines are left out: a visitor cannot use them from a phone). */
export function fromApi(hotlines: readonly Hotline[]): HotlineEntry[] {
  return hotlines
    .filter((h) => h.type !== 'fax')
    .map((h) => ({ id: h.id, name: h.name, description: h.description, phones: [{ number: h.number, type: h.type as HotlinePhone['type'] }] }));
}

const digits = (number: string) => number.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');

/** The built-in lines (translated by the catalog), then each API line whose number none of them already has. */
export function mergeHotlines(builtIn: readonly HotlineEntry[], fromServer: readonly HotlineEntry[]): readonly HotlineEntry[] {
  if (fromServer.length === 0) return builtIn;
  const known = new Set(builtIn.flatMap((h) => h.phones.map((p) => `${p.type}:${digits(p.number)}`)));
  const added = fromServer.filter((h) => h.phones.every((p) => !known.has(`${p.type}:${digits(p.number)}`)));
  return added.length ? [...builtIn, ...added] : builtIn;
}
