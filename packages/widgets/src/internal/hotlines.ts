// The built-in hotlines: shown in the hotline strip and whenever the API fails, so the widget is never blank.
// Names and descriptions come from the catalog (by id) so they are translated.
import { CRISIS_LINE_IDS, NATIONAL_LINES, type Hotline, type LinePhone, type NationalLineId } from '@referral-kit/sdk';

export type HotlinePhone = LinePhone;

export interface HotlineEntry {
  id: string;
  name?: string;
  description?: string;
  phones: readonly HotlinePhone[];
}

const lines = (ids: readonly NationalLineId[]): readonly HotlineEntry[] =>
  ids.map((id) => ({ id, phones: NATIONAL_LINES[id] }));

export const BUILT_IN_HOTLINES = lines(['dv', 'rainn', 'crisis', 'voice', 'vine']);

/** The "Get help now" panel's lines: 911, 988, the DV hotline, RAINN, the VOICE line. */
export const CRISIS_HOTLINES = lines(CRISIS_LINE_IDS);

/** Hotlines from the API, in the same shape (fax lines are left out: a visitor cannot use them from a phone). */
export function fromApi(hotlines: readonly Hotline[]): HotlineEntry[] {
  return hotlines
    .filter((h) => h.type !== 'fax')
    .map((h) => ({
      id: h.id,
      name: h.name,
      description: h.description,
      phones: [{ number: h.number, type: h.type as HotlinePhone['type'] }],
    }));
}

const digits = (number: string) => number.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');

/** The built-in lines (translated by the catalog), then each API line whose number none of them already has. */
export function mergeHotlines(
  builtIn: readonly HotlineEntry[],
  fromServer: readonly HotlineEntry[],
): readonly HotlineEntry[] {
  if (fromServer.length === 0) return builtIn;
  const known = new Set(builtIn.flatMap((h) => h.phones.map((p) => `${p.type}:${digits(p.number)}`)));
  const added = fromServer.filter((h) => h.phones.every((p) => !known.has(`${p.type}:${digits(p.number)}`)));
  return added.length ? [...builtIn, ...added] : builtIn;
}
