// The phone line as a provider-neutral script. Each webhook turn gets the keys pressed and the state this server
// handed out on the previous turn (sealed: encrypted and authenticated, with the time it was issued), and answers
// with actions that an adapter renders (TwiML for Twilio, JSON for the generic gateway). Nothing lives in memory
// between turns; what must outlive a call (subscriptions, acknowledgements) is in the database.
//
// Call in: danger warning → language (or an interpreter) → A-number, booking or registration reference → status →
// alerts by phone with a PIN. Alert calls: the message, then the PIN (status) or the code (confirmation). Anywhere: 0 repeats, 9 stops.
import { ALERT_EVENTS, normalizePhone, type CustodyRecord } from '@referral-kit/sdk';
import type { AlertsContext } from '../alerts/context.js';
import { confirmByCode } from '../alerts/confirm.js';
import { acknowledgeCall } from '../alerts/acknowledge.js';
import { isAllowedPhone } from '../alerts/phone-policy.js';
import { requestSubscription } from '../alerts/subscribe.js';
import { stopPhoneNumber } from '../alerts/unsubscribe.js';
import { getCustodyRecord } from '../db/custody-store.js';
import { HttpError } from '../http/types.js';
import type { OutgoingMessage } from '../notify/transports/types.js';
import { findByKeypad, findByReference, type KeypadIdKind } from './lookup.js';
import { PHONE_LANGUAGES, phoneLanguage, type PhoneLanguage } from '../i18n/index.js';
import { freshness, prompts, spokenDate, spokenPhone, spokenStatus } from './prompts.js';

export interface Spoken {
  text: string;
  language: PhoneLanguage;
}

export type VoiceAction =
  | ({ verb: 'say' } & Spoken)
  | {
      verb: 'gather';
      /** Sealed state to send back with the keys pressed (empty digits when the caller pressed nothing). */
      next: string;
      prompts: Spoken[];
      /** Stop after this many keys; otherwise the pound key (or the timeout) ends the entry. */
      numDigits?: number;
      timeoutSeconds: number;
    }
  | { verb: 'dial'; number: string; sendDigits?: string }
  | { verb: 'hangup' };

export interface CallTurn {
  /** The provider's id for the call: part of every replay key. */
  callId: string;
  /** The caller's number as the provider reports it (anything; normalized here). */
  from: string | null;
  /** The `next` of the gather being answered; undefined for a new incoming call. */
  state: string | undefined;
  digits: string;
}

type Step =
  | 'language'
  | 'menu'
  | 'id'
  | 'result'
  | 'reg-number'
  | 'reg-other'
  | 'pin'
  | 'pin-again'
  | 'call-status'
  | 'call-confirm';

interface CallState {
  step: Step;
  lang: PhoneLanguage;
  /** Unanswered or wrong entries so far at this step. */
  tries: number;
  kind?: KeypadIdKind | 'reference';
  record?: string;
  /** The caller keyed the record's own id, so its name may be said (never for a reference number). */
  named?: boolean;
  /** E.164 number to register for alerts. */
  contact?: string;
  /** Keyed hash of the first PIN entry, compared with the second. */
  pin?: string;
  /** Alert calls: the outbox row (message id) and its text, for "0 repeats". */
  outbox?: string;
  text?: string;
}

/** Issued state older than this is refused (no call lasts that long). */
const STATE_MAX_AGE_MS = 2 * 3600_000;
const STATE_CONTEXT = 'call-state';
const MAX_TRIES = 3;
/** Keypad lookups per calling number per hour. */
const LOOKUPS = { max: 20, windowSeconds: 3600 };

export function sealState(c: AlertsContext, state: CallState): string {
  return c.keys.seal(JSON.stringify({ ...state, at: c.now().getTime() }), STATE_CONTEXT);
}

function openState(c: AlertsContext, token: string): CallState | null {
  try {
    const { at, ...state } = JSON.parse(c.keys.open(token, STATE_CONTEXT)) as CallState & { at: number };
    const age = c.now().getTime() - at;
    return age >= -60_000 && age <= STATE_MAX_AGE_MS ? state : null;
  } catch {
    return null;
  }
}

const say = (text: string, language: PhoneLanguage): VoiceAction => ({ verb: 'say', text, language });
const hangup: VoiceAction = { verb: 'hangup' };

/** One turn of a call: the actions to answer with. */
export async function voiceTurn(c: AlertsContext, turn: CallTurn): Promise<VoiceAction[]> {
  if (turn.state === undefined) return languageMenu(c, 0);
  const state = openState(c, turn.state);
  if (!state) return [say(prompts('en').goodbye, 'en'), hangup];
  const digits = turn.digits.replace(/[^0-9*#]/g, '');
  const p = prompts(state.lang);

  if (digits === '') {
    if (state.step === 'language') return interpreterOrAgain(c, state);
    if (state.tries + 1 >= MAX_TRIES) return [say(p.noInput, state.lang), say(p.goodbye, state.lang), hangup];
    return [say(p.noInput, state.lang), ...(await ask(c, { ...state, tries: state.tries + 1 }))];
  }
  if (digits === '0') return ask(c, state);
  if (digits === '9' && state.step !== 'language') return stop(c, turn, state);
  return answer(c, turn, state, digits);
}

/** The script of an outgoing alert call: the message, then the PIN (status) or the code (confirmation). */
export function alertCallScript(c: AlertsContext, message: OutgoingMessage): Promise<VoiceAction[]> {
  return ask(c, {
    step: message.kind === 'status' ? 'call-status' : 'call-confirm',
    lang: phoneLanguage(message.language),
    tries: 0,
    outbox: message.idempotencyKey,
    text: message.text,
  });
}

/**
 * What is said before a language is chosen (the danger warning, "for another language", goodbye), in the two most
 * spoken languages only: said in all nine, the warning alone would keep a caller in danger listening for half a
 * minute. Each language offers itself in the menu, and a caller who picks another one hears the warning first.
 */
const MENU_LANGUAGES: readonly PhoneLanguage[] = ['en', 'es'];

function languageMenu(c: AlertsContext, tries: number): VoiceAction[] {
  const offers: Spoken[] = PHONE_LANGUAGES.map((language, i) => ({
    text: prompts(language).chooseLanguage(i + 1),
    language,
  }));
  if (c.config.phoneLine.interpreterNumber)
    offers.push(...MENU_LANGUAGES.map((language) => ({ text: prompts(language).otherLanguage, language })));
  return [
    ...MENU_LANGUAGES.map((language) => say(prompts(language).danger, language)),
    {
      verb: 'gather',
      next: sealState(c, { step: 'language', lang: 'en', tries }),
      prompts: offers,
      numDigits: 1,
      timeoutSeconds: 5,
    },
  ];
}

/** Nobody chose a language: "stay on the line" means the interpreter line, when there is one. */
function interpreterOrAgain(c: AlertsContext, state: CallState): VoiceAction[] {
  const { interpreterNumber, interpreterDigits } = c.config.phoneLine;
  if (interpreterNumber) {
    return [
      ...MENU_LANGUAGES.map((language) => say(prompts(language).transferring, language)),
      { verb: 'dial', number: interpreterNumber, ...(interpreterDigits ? { sendDigits: interpreterDigits } : {}) },
    ];
  }
  if (state.tries + 1 >= MAX_TRIES)
    return [...MENU_LANGUAGES.map((language) => say(prompts(language).goodbye, language)), hangup];
  return languageMenu(c, state.tries + 1);
}

/** The prompt of a step, as a gather that comes back to the same step. */
async function ask(c: AlertsContext, state: CallState): Promise<VoiceAction[]> {
  const p = prompts(state.lang);
  const gather = (lines: string[], entry: { numDigits?: number; timeoutSeconds?: number } = {}): VoiceAction => ({
    verb: 'gather',
    next: sealState(c, state),
    prompts: lines.map((text) => ({ text, language: state.lang })),
    numDigits: entry.numDigits,
    timeoutSeconds: entry.timeoutSeconds ?? 6,
  });
  switch (state.step) {
    case 'language':
      return languageMenu(c, state.tries);
    case 'menu':
      return [gather([p.menu], { numDigits: 1 })];
    case 'id':
      return [gather([p.enterId[state.kind ?? 'a-number']], { timeoutSeconds: 10 })];
    case 'result': {
      const record = state.record ? await getCustodyRecord(c.db, state.record) : null;
      const lines = record ? describe(c, state.lang, record, state.named === true) : [p.notFound];
      return [...lines.map((line) => say(line, state.lang)), gather([p.resultMenu], { numDigits: 1 })];
    }
    case 'reg-number':
      return [gather([p.registerNumber], { numDigits: 1 })];
    case 'reg-other':
      return [gather([p.enterNumber], { timeoutSeconds: 10 })];
    case 'pin':
      return [gather([p.choosePin], { timeoutSeconds: 10 })];
    case 'pin-again':
      return [gather([p.repeatPin], { timeoutSeconds: 10 })];
    case 'call-status':
      return [gather([state.text ?? ''], { timeoutSeconds: 10 })];
    case 'call-confirm':
      return [gather([state.text ?? '', p.enterCode], { numDigits: 6, timeoutSeconds: 10 })];
  }
}

/**
 * What a record sounds like: whose record (only when the caller keyed its id), what the status means and what to do
 * now, the facility and its phone, the last change and how fresh the data is.
 */
function describe(c: AlertsContext, language: PhoneLanguage, record: CustodyRecord, named: boolean): string[] {
  const p = prompts(language);
  const lines = [...(named ? [p.recordOf(record.displayName)] : []), ...spokenStatus(language, record.status)];
  if (record.facility)
    lines.push(
      p.facility(record.facility.name, record.facility.phone ? spokenPhone(record.facility.phone) : undefined),
    );
  if (record.statusChangedAt) lines.push(p.changedOn(spokenDate(language, record.statusChangedAt)));
  lines.push(p.updated(freshness(language, record.sourceUpdatedAt, c.now())));
  return lines;
}

async function answer(c: AlertsContext, turn: CallTurn, state: CallState, digits: string): Promise<VoiceAction[]> {
  const p = prompts(state.lang);
  const lang = state.lang;
  const again = async (line: string, next: CallState = { ...state, tries: state.tries + 1 }) => [
    say(line, lang),
    ...(await ask(c, next)),
  ];
  switch (state.step) {
    case 'language': {
      const chosen = PHONE_LANGUAGES[Number(digits) - 1];
      if (!chosen) return languageMenu(c, state.tries);
      const menu = await ask(c, { step: 'menu', lang: chosen, tries: 0 });
      return MENU_LANGUAGES.includes(chosen) ? menu : [say(prompts(chosen).danger, chosen), ...menu];
    }
    case 'menu':
      if (digits === '1' || digits === '2' || digits === '3') {
        return ask(c, {
          step: 'id',
          lang,
          tries: 0,
          kind: digits === '1' ? 'a-number' : digits === '2' ? 'booking' : 'reference',
        });
      }
      return ask(c, state);
    case 'id': {
      if (digits.includes('*')) return again(p.correcting, state);
      const caller = turn.from ?? turn.callId;
      if (!(await c.limiter.hit(c.keys.rateLimitKey('phone-lookup', caller), LOOKUPS, c.now().getTime())).ok) {
        return [say(p.tooManyLookups, lang), say(p.goodbye, lang), hangup];
      }
      const kind = state.kind ?? 'a-number';
      const keyed = digits.replace(/#/g, '');
      const record = kind === 'reference' ? await findByReference(c.db, keyed) : await findByKeypad(c.db, kind, keyed);
      if (!record) return again(p.notFound);
      return ask(c, { step: 'result', lang, tries: 0, kind, record: record.id, named: kind !== 'reference' });
    }
    case 'result':
      if (digits === '1') {
        const own = callerNumber(c, turn);
        return ask(c, { ...state, step: own ? 'reg-number' : 'reg-other', tries: 0 });
      }
      if (digits === '2') return ask(c, { step: 'menu', lang, tries: 0 });
      return ask(c, state);
    case 'reg-number': {
      const own = callerNumber(c, turn);
      if (digits === '1' && own) return ask(c, { ...state, step: 'pin', tries: 0, contact: own });
      return ask(c, { ...state, step: 'reg-other', tries: 0 });
    }
    case 'reg-other': {
      const phone = normalizePhone(digits.replace(/#/g, ''));
      if (!phone || !isAllowedPhone(phone, c.config.allowedCountryCodes)) return again(p.invalidNumber);
      return ask(c, { ...state, step: 'pin', tries: 0, contact: phone });
    }
    case 'pin': {
      const pin = digits.replace(/#/g, '');
      if (!/^\d{4,8}$/.test(pin)) return again(p.invalidPin);
      return ask(c, { ...state, step: 'pin-again', tries: 0, pin: pinHash(c, turn, pin) });
    }
    case 'pin-again': {
      const pin = digits.replace(/#/g, '');
      if (state.pin !== pinHash(c, turn, pin))
        return again(p.pinMismatch, { ...state, step: 'pin', tries: 0, pin: undefined });
      return register(c, turn, state, pin);
    }
    case 'call-status': {
      const { acknowledged } = await acknowledgeCall(c, state.outbox ?? '', digits.replace(/#/g, ''));
      if (acknowledged) return [say(p.acknowledged, lang), hangup];
      return state.tries + 1 >= MAX_TRIES ? [say(p.wrongPin, lang), say(p.goodbye, lang), hangup] : again(p.wrongPin);
    }
    case 'call-confirm': {
      const [row] = await c.db.query<{ event_id: string }>(
        "SELECT event_id FROM alert_outbox WHERE id = $1 AND kind = 'confirmation'",
        [state.outbox ?? ''],
      );
      const outcome =
        row && /^\d{6}$/.test(digits)
          ? await confirmByCode(c, row.event_id.replace(/^confirm:/, ''), digits)
          : 'invalid_code';
      if (outcome === 'confirmed') return [say(p.confirmed, lang), hangup];
      return state.tries + 1 >= MAX_TRIES ? [say(p.wrongCode, lang), say(p.goodbye, lang), hangup] : again(p.wrongCode);
    }
  }
}

/** The caller's own number when it could get alerts (withheld and foreign numbers cannot). */
function callerNumber(c: AlertsContext, turn: CallTurn): string | null {
  const phone = turn.from ? normalizePhone(turn.from) : null;
  return phone && isAllowedPhone(phone, c.config.allowedCountryCodes) ? phone : null;
}

/** Keyed to the call, so the hash in one call's state says nothing about the same PIN elsewhere. */
function pinHash(c: AlertsContext, turn: CallTurn, pin: string): string {
  return c.keys.codeHash(`call-pin:${turn.callId}`, pin);
}

/** The web form's request, with the web form's limits; the answer is the same whatever happened to the number. */
async function register(c: AlertsContext, turn: CallTurn, state: CallState, pin: string): Promise<VoiceAction[]> {
  const p = prompts(state.lang);
  const lang = state.lang;
  const limited = !(
    await c.limiter.hit(
      c.keys.rateLimitKey('subscribe', `phone:${turn.from ?? turn.callId}`),
      c.config.limits.subscribePerIp,
      c.now().getTime(),
    )
  ).ok;
  if (limited || !state.record || !state.contact) return [say(p.tooManyRequests, lang), say(p.goodbye, lang), hangup];
  try {
    await requestSubscription(c, {
      subjectId: state.record,
      channel: 'voice',
      contact: state.contact,
      language: lang,
      events: [...ALERT_EVENTS],
      pin,
    });
  } catch (error) {
    if (error instanceof HttpError && error.status === 429)
      return [say(p.tooManyRequests, lang), say(p.goodbye, lang), hangup];
    if (error instanceof HttpError && error.status === 400)
      return [say(p.invalidNumber, lang), ...(await ask(c, { ...state, step: 'reg-other', tries: 0 }))];
    throw error;
  }
  return [say(p.registered, lang), say(p.goodbye, lang), hangup];
}

/** 9: stops every phone alert to this number (the caller's, or the number an alert call rang). */
async function stop(c: AlertsContext, turn: CallTurn, state: CallState): Promise<VoiceAction[]> {
  const p = prompts(state.lang);
  let contactHash: string | null;
  if (state.outbox) {
    const [row] = await c.db.query<{ contact_hash: string }>(
      'SELECT s.contact_hash FROM alert_outbox o JOIN alert_subscriptions s ON s.id = o.subscription_id WHERE o.id = $1',
      [state.outbox],
    );
    contactHash = row?.contact_hash ?? null;
  } else {
    const phone = turn.from ? normalizePhone(turn.from) : null;
    contactHash = phone ? c.keys.contactHash('voice', phone) : null;
  }
  if (!contactHash) return [say(p.cannotStop, state.lang), ...(await ask(c, state))];
  await stopPhoneNumber(c, contactHash, 'call');
  return [say(p.stopped, state.lang), say(p.goodbye, state.lang), hangup];
}
