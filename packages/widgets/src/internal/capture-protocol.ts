// What the page and the isolated-capture frame (capture-frame.ts, served from the API's origin) say to each other.
// Every message carries the frame's random channel id; each side pins the other's origin. The frame never sends
// what was typed: only its height, field errors by path and the answer (a confirmation id, or a callback's
// reference code and cancel token).
import type { AlertChannel, AlertEvent, CallbackRequest } from '@referral-kit/sdk';

/** Where the API serves the frame page, below its base URL. */
export const CAPTURE_PATH = '/embed/capture';

/**
 * The partner's custom properties (`--referral-…`) that style a lone field, as query parameters. The frame accepts
 * only values of the kind each token allows (`themeValue`), so the page cannot inject CSS into it.
 */
export const CAPTURE_TOKENS = [
  'color-text',
  'color-surface',
  'color-muted',
  'color-border',
  'color-danger',
  'color-focus',
  'font-family',
  'font-size',
  'radius',
] as const;

const COLOR = /^(#[0-9a-f]{3,8}|(rgb|hsl)a?\([\d\s.,%/+-]{1,60}\)|[a-z]{3,20})$/i;
const LENGTH = /^\d{0,4}(\.\d{1,4})?(px|r?em|%)$/;
const FONT = /^[\w\s,'"-]{1,200}$/;

/** `value` when the token may take it (a colour, a length or a font list), else undefined. */
export function themeValue(token: (typeof CAPTURE_TOKENS)[number], value: string): string | undefined {
  const pattern = token.startsWith('color-') ? COLOR : token === 'font-family' ? FONT : LENGTH;
  return pattern.test(value) && !/^\.?(px|r?em|%)$/.test(value) ? value : undefined;
}

/** A 128-bit random id: four random 32-bit numbers. */
export const channelId = (): string => crypto.getRandomValues(new Uint32Array(4)).join('.');
export const CHANNEL_ID = /^\d{1,10}(\.\d{1,10}){3}$/;

/**
 * The frame's query besides the theme: its language and direction, and the contact field as the page's language and
 * chosen alert channel describe it. A change makes a new frame (an email typed is no phone number anyway).
 */
export interface CaptureField {
  lang: string;
  dir: string;
  type: 'email' | 'tel';
  label: string;
  hint: string;
  /** Shown when the contact is not valid. */
  error: string;
  /**
   * A callback request's optional name and note live in the frame too (free text is as private as the contact):
   * their labels and hints, and the word that marks them optional. Absent for an alert signup.
   */
  nameLabel?: string;
  nameHint?: string;
  noteLabel?: string;
  noteHint?: string;
  optional?: string;
}

/** Everything of a subscription except the contact, which only the frame knows. */
export interface CaptureSubscribe {
  subjectId: string;
  channel: AlertChannel;
  language: string;
  events: AlertEvent[];
  pin?: string;
  website?: string;
}

/** Everything of a callback request except what the frame holds: the contact, the name and the note. */
export type CaptureCallback = Omit<CallbackRequest, 'contact' | 'name' | 'note'>;

/** A failure as the page may learn it: kind, status, code and which fields (never values or messages). */
export interface CaptureError {
  name: string;
  status?: number;
  code?: string;
  fields: { path: string }[];
}

export type PageMessage =
  | { kind: 'subscribe'; request: CaptureSubscribe; partnerId?: string }
  | { kind: 'request-callback'; request: CaptureCallback; partnerId?: string }
  | { kind: 'focus' };

export type FrameMessage =
  /** The content's height; the first one also says the frame is listening. */
  | { kind: 'size'; height: number }
  | { kind: 'accepted'; confirmationId: string; expiresInSeconds: number }
  /** The page needs the token for its Cancel button; it is no contact detail, and the page could hide the form anyway. */
  | { kind: 'requested'; reference: string; cancelToken: string }
  | { kind: 'failed'; error: CaptureError };

/** `data` when it is a message on `channel`, or undefined for anything else (other frames, other scripts). */
export const onChannel = (data: unknown, channel: string): unknown =>
  (data as { channel?: unknown } | null)?.channel === channel ? data : undefined;
