// The shape of one language's server messages: every message kind the server sends or says, in one catalog per
// language (en.ts, es.ts, …). Discreet by design: no word about offenders, inmates or custody in a subject, a
// sender or a lock-screen line, and never a name the reader did not key in.
import type { Language } from '@referral-kit/sdk';

/** Alert messages (email, SMS, calls) and the confirm and stop pages their links open. */
export interface AlertStrings {
  confirmSubject: string;
  statusSubject: string;
  confirmCode(code: string, minutes: number): string;
  confirmLink(url: string): string;
  notYou: string;
  statusLine(reference: string, when: string): string;
  safety: string;
  stopEmail(url: string): string;
  stopSms: string;
  stopCall: string;
  pinPrompt: string;
  smsStopped: string;
  smsStarted: string;
  pageStopTitle: string;
  pageStopButton: string;
  pageStopDone: string;
  pageConfirmTitle: string;
  pageConfirmButton: string;
  pageConfirmDone: string;
  pageInvalid: string;
}

/** A callback request's reference message and its cancel page. */
export interface CallbackStrings {
  subject: string;
  received(reference: string): string;
  cancel(url: string): string;
  notYou: string;
  /** The text message: the reference and the cancel link (a link leaves room for few words in a UCS-2 text). */
  sms(reference: string, url: string): string;
  /** The only thing ever said to a voicemail or a TTY relay. */
  neutral(reference: string): string;
  pageTitle: string;
  pageButton: string;
  pageDone: string;
  pageInvalid: string;
}

/** Answers to texts sent to the phone number (keywords below). */
export interface TextReplies {
  status(explained: string, facility: string | undefined, changed: string | undefined, freshness: string): string;
  notFound: string;
  statusUsage: string;
  alertsUsage: string;
  alertsRequested: string;
  alertsRefused: string;
  confirmed: string;
  wrongCode: string;
  help: string;
  tooMany: string;
}

/** What the phone line says (calls in, alert calls out). */
export interface PhonePrompts {
  /** How the language menu offers this language ("For English, press 1."). */
  chooseLanguage(digit: number): string;
  danger: string;
  otherLanguage: string;
  transferring: string;
  menu: string;
  enterId: Record<'a-number' | 'booking' | 'reference', string>;
  correcting: string;
  notFound: string;
  tooManyLookups: string;
  recordOf(name: string): string;
  facility(name: string, phone: string | undefined): string;
  changedOn(date: string): string;
  updated(freshness: string): string;
  resultMenu: string;
  registerNumber: string;
  enterNumber: string;
  invalidNumber: string;
  choosePin: string;
  invalidPin: string;
  repeatPin: string;
  pinMismatch: string;
  registered: string;
  tooManyRequests: string;
  stopped: string;
  cannotStop: string;
  noInput: string;
  goodbye: string;
  enterCode: string;
  confirmed: string;
  wrongCode: string;
  acknowledged: string;
  wrongPin: string;
}

/**
 * Words a text may start with, as people type them (accents and case do not matter when matching; several words
 * are fine: "TRỢ GIÚP"). The English carrier words (STOP, HELP, …) work in every language and are not repeated here.
 */
export interface Keywords {
  stop: readonly string[];
  start: readonly string[];
  help: readonly string[];
  status: readonly string[];
  alerts: readonly string[];
}

/** Tags Twilio's <Say> speaks (its typings check them where the TwiML is written). */
export type SpeechTag = 'en-US' | 'es-US' | 'cmn-CN' | 'vi-VN' | 'ko-KR' | 'fil-PH' | 'ar-XA' | 'ru-RU' | 'fr-FR';

export interface ServerCatalog {
  language: Language;
  /** Whether a native speaker has checked this catalog for meaning and tone; false until someone has. */
  reviewed: boolean;
  /** Writing direction of pages in this language. */
  dir: 'ltr' | 'rtl';
  /** Month names for dates, when the runtime's Intl has no data for this language (it would write English). */
  months?: readonly string[];
  /** How old data is: "2 hours ago". */
  ago: { lessThanAnHour: string; hours(hours: number): string; days(days: number): string };
  alerts: AlertStrings;
  callbacks: CallbackStrings;
  text: TextReplies;
  keywords: Keywords;
  /** The phone line and alert calls, when a text-to-speech voice speaks this language. */
  voice?: {
    /** The tag Twilio's text-to-speech reads it with (the generic gateway gets the catalog language instead). */
    speechTag: SpeechTag;
    /**
     * Whether a TTY can carry it: TTYs (Baudot) type only Latin capitals, digits and a little punctuation, so a
     * language in another script, or whose accents carry its meaning, cannot be sent to one.
     */
    tty: boolean;
    prompts: PhonePrompts;
  };
}
