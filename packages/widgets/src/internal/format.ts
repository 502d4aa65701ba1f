// Locale-aware formatting from the platform (Intl), so no strings for units, language names or dates ship.
const KM_PER_MILE = 1.609344;

export const milesToKm = (miles: number) => miles * KM_PER_MILE;

export function formatMiles(lang: string, km: number): string {
  return new Intl.NumberFormat(lang, { style: 'unit', unit: 'mile', maximumFractionDigits: km < 16 ? 1 : 0 }).format(
    km / KM_PER_MILE,
  );
}

export function languageName(lang: string, code: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** "3 hours ago", "yesterday", in the visitor's language, as seen at `now`. */
export function timeAgo(lang: string, iso: string, now: Date): string {
  const seconds = (Date.parse(iso) - +now) / 1000;
  const format = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  const steps: Array<[Intl.RelativeTimeFormatUnit, number]> = [
    ['second', 60],
    ['minute', 60],
    ['hour', 24],
    ['day', 30],
    ['month', 12],
    ['year', Infinity],
  ];
  let value = seconds;
  for (const [unit, size] of steps) {
    if (Math.abs(value) < size) return format.format(Math.round(value), unit);
    value /= size;
  }
  return format.format(Math.round(value), 'year');
}

/**
 * The time at a place ("Tue 3:05 PM") in the visitor's language, or undefined when this browser does not know the
 * zone (the card then leaves the local time out rather than show a wrong one).
 */
export function timeAt(lang: string, timeZone: string, now: Date): string | undefined {
  try {
    return new Intl.DateTimeFormat(lang, { timeZone, weekday: 'short', hour: 'numeric', minute: '2-digit' }).format(
      now,
    );
  } catch {
    return undefined;
  }
}
