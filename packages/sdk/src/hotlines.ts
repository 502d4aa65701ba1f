// The national lines' numbers: the one list widgets show, mocks serve and tests check (facts gathered 2026-12-02 from
// each line's public pages; re-check them at the official sites before a release).

export interface LinePhone {
  readonly number: string;
  readonly type: 'voice' | 'text' | 'tty';
  /** The keyword a text line expects (text START to 88788). */
  readonly body?: string;
}

export const NATIONAL_LINES = {
  /** Immediate danger. */
  emergency: [{ number: '911', type: 'voice' }],
  /** 988 Suicide & Crisis Lifeline: call or text. */
  crisis: [
    { number: '988', type: 'voice' },
    { number: '988', type: 'text' },
  ],
  /** National Domestic Violence Hotline (1-800-799-SAFE). */
  dv: [
    { number: '1-800-799-7233', type: 'voice' },
    { number: '88788', type: 'text', body: 'START' },
  ],
  dvTty: [{ number: '1-800-787-3224', type: 'tty' }],
  /** RAINN National Sexual Assault Hotline (1-800-656-HOPE). */
  rainn: [{ number: '1-800-656-4673', type: 'voice' }],
  /** ICE/DHS VOICE line (1-855-48-VOICE): victims of crimes by removable noncitizens. */
  voice: [{ number: '1-855-488-6423', type: 'voice' }],
  /** VINE support: custody notifications. */
  vine: [{ number: '1-866-277-7477', type: 'voice' }],
  /** National Human Trafficking Hotline. */
  trafficking: [{ number: '1-888-373-7888', type: 'voice' }],
  /** Childhelp National Child Abuse Hotline (1-800-4-A-CHILD). */
  childhelp: [{ number: '1-800-422-4453', type: 'voice' }],
} as const satisfies Record<string, readonly LinePhone[]>;

export type NationalLineId = keyof typeof NATIONAL_LINES;

/** What a "Get help now" panel lists, in this order: 911, 988, the DV hotline, RAINN, the VOICE line. */
export const CRISIS_LINE_IDS = [
  'emergency',
  'crisis',
  'dv',
  'rainn',
  'voice',
] as const satisfies readonly NationalLineId[];
