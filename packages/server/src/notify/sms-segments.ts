// How many SMS segments a text takes (3GPP TS 23.038): GSM-7 when every character is in the default alphabet or
// its extension table (extension characters take two septets), else UCS-2. One segment holds 160 septets or 70
// UTF-16 units; a concatenated message loses room to its header: 153 septets or 67 units per segment.

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '^{}\\[~]|€\f';
const BASIC = new Set(GSM_BASIC);
const EXTENSION = new Set(GSM_EXTENSION);

export interface SmsSize {
  encoding: 'GSM-7' | 'UCS-2';
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
}

export function smsSize(text: string): SmsSize {
  let septets = 0;
  for (const ch of text) {
    if (BASIC.has(ch)) septets += 1;
    else if (EXTENSION.has(ch)) septets += 2;
    else {
      const units = text.length;
      return { encoding: 'UCS-2', units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
    }
  }
  return { encoding: 'GSM-7', units: septets, segments: septets <= 160 ? 1 : Math.ceil(septets / 153) };
}

/** How many segments a text may take: carriers bill each one and some phones show longer texts badly. */
export const MAX_SMS_SEGMENTS = 2;

/** Typographic marks GSM-7 lacks, and the plain ones it has. */
const PLAIN: Record<string, string> = {
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  '–': '-',
  '—': '-',
  '…': '...',
  '\u00a0': ' ',
};

/**
 * The text as it should be sent: unchanged when it fits `maxSegments`; otherwise, when dropping the accents GSM-7
 * lacks (ó → o, ê → e, ự → u; é, ñ, ü stay) and plain quotes make it GSM-7, that form, which holds more than twice as
 * many characters per segment. Latin-script languages are commonly texted this way; other scripts stay as written.
 */
export function fitSms(text: string, maxSegments = MAX_SMS_SEGMENTS): string {
  if (smsSize(text).segments <= maxSegments) return text;
  let plain = '';
  for (const ch of text) {
    if (BASIC.has(ch) || EXTENSION.has(ch)) plain += ch;
    else
      plain +=
        PLAIN[ch] ??
        ch
          .normalize('NFD')
          .replace(/\p{M}/gu, '')
          .replace(/[đĐ]/g, (d) => (d === 'đ' ? 'd' : 'D'));
  }
  return smsSize(plain).encoding === 'GSM-7' ? plain : text;
}
