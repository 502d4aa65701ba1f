// What the phone line says and what text replies say, per language. Like every message, discreet: no word about
// offenders, inmates or custody unless the caller asked about a record, and never a name the caller did not key in.
// What a status means comes from the custody guide (@referral-kit/sdk/custody-guide), shared with the lookup.
import type { CustodyStatus } from '@referral-kit/sdk';
import { custodyGuideText } from '@referral-kit/sdk/custody-guide';

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
  hoursAgo(hours: number): string;
  daysAgo(days: number): string;
  lessThanAnHour: string;
}

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

const en: PhonePrompts = {
  chooseLanguage: (digit) => `For English, press ${digit}.`,
  danger: 'If you are in danger, hang up and call 911.',
  otherLanguage: 'For another language, stay on the line.',
  transferring: 'Connecting you to an interpreter. Please hold.',
  menu: 'To look up by A-number, press 1. To look up by booking number, press 2. To use the reference number in your alert messages, press 3. To hear this again, press 0. To stop alerts to this phone number, press 9.',
  enterId: {
    'a-number': 'Enter the A-number digits, then press the pound key. To correct, press star.',
    booking: 'Enter the booking number, then press the pound key. To correct, press star.',
    reference:
      'Enter the 10-digit reference number from your alert messages, then press the pound key. To correct, press star.',
  },
  correcting: 'Let us start that number again.',
  notFound: 'We have no record we can share for that number. Check the number and try again.',
  tooManyLookups: 'Too many lookups from this phone. Please try again later.',
  recordOf: (name) => `Record of ${name}.`,
  facility: (name, phone) => (phone ? `Facility: ${name}. Its phone number is ${phone}.` : `Facility: ${name}.`),
  changedOn: (date) => `Last change: ${date}.`,
  updated: (freshness) => `This information was updated ${freshness}.`,
  resultMenu:
    'To get a phone call when this status changes, press 1. To look up another number, press 2. To hear this again, press 0. To stop alerts to this phone number, press 9.',
  registerNumber:
    'Alerts will call the number you are calling from. To use it, press 1. To enter another number, press 2.',
  enterNumber: 'Enter the 10-digit phone number for alerts, then press the pound key.',
  invalidNumber: 'That number cannot get alerts. Please enter another one.',
  choosePin: 'Choose a PIN of 4 to 8 digits, then press the pound key. You will enter it to confirm each alert call.',
  invalidPin: 'A PIN has 4 to 8 digits.',
  repeatPin: 'Enter the same PIN again, then press the pound key.',
  pinMismatch: 'The two PINs were not the same. Let us try again.',
  registered:
    'Thank you. If this number can get alerts, we will call it soon with a 6-digit code. Enter the code during that call to turn alerts on.',
  tooManyRequests: 'Too many requests. Please try again later.',
  stopped: 'Alerts to this phone number are stopped.',
  cannotStop: 'We cannot see the number you are calling from. To stop text alerts, reply STOP to one of them.',
  noInput: 'We did not get an answer.',
  goodbye: 'Goodbye.',
  enterCode: 'To turn alerts on, enter the code now.',
  confirmed: 'Alerts are on. Every alert call tells you how to stop them. Goodbye.',
  wrongCode: 'That code is not right.',
  acknowledged: 'Thank you. Goodbye.',
  wrongPin: 'That PIN is not right.',
  hoursAgo: (hours) => (hours === 1 ? '1 hour ago' : `${hours} hours ago`),
  daysAgo: (days) => (days === 1 ? '1 day ago' : `${days} days ago`),
  lessThanAnHour: 'less than an hour ago',
};

const es: PhonePrompts = {
  chooseLanguage: (digit) => `Para español, oprima ${digit}.`,
  danger: 'Si está en peligro, cuelgue y llame al 911.',
  otherLanguage: 'Para otro idioma, permanezca en la línea.',
  transferring: 'Le comunicamos con un intérprete. Espere, por favor.',
  menu: 'Para buscar por número A, oprima 1. Para buscar por número de registro, oprima 2. Para usar el número de referencia de sus mensajes de alerta, oprima 3. Para escuchar de nuevo, oprima 0. Para dejar de recibir alertas en este teléfono, oprima 9.',
  enterId: {
    'a-number': 'Marque los dígitos del número A y luego la tecla numeral. Para corregir, oprima asterisco.',
    booking: 'Marque el número de registro y luego la tecla numeral. Para corregir, oprima asterisco.',
    reference:
      'Marque el número de referencia de 10 dígitos de sus mensajes de alerta y luego la tecla numeral. Para corregir, oprima asterisco.',
  },
  correcting: 'Volvamos a empezar ese número.',
  notFound: 'No tenemos un registro que podamos compartir para ese número. Revise el número e intente de nuevo.',
  tooManyLookups: 'Demasiadas búsquedas desde este teléfono. Intente más tarde.',
  recordOf: (name) => `Registro de ${name}.`,
  facility: (name, phone) => (phone ? `Centro: ${name}. Su teléfono es ${phone}.` : `Centro: ${name}.`),
  changedOn: (date) => `Último cambio: ${date}.`,
  updated: (freshness) => `Esta información se actualizó ${freshness}.`,
  resultMenu:
    'Para recibir una llamada cuando cambie este estado, oprima 1. Para buscar otro número, oprima 2. Para escuchar de nuevo, oprima 0. Para dejar de recibir alertas en este teléfono, oprima 9.',
  registerNumber:
    'Las alertas llamarán al número desde el que llama. Para usarlo, oprima 1. Para marcar otro número, oprima 2.',
  enterNumber: 'Marque el número de teléfono de 10 dígitos para las alertas y luego la tecla numeral.',
  invalidNumber: 'Ese número no puede recibir alertas. Marque otro, por favor.',
  choosePin:
    'Elija un PIN de 4 a 8 dígitos y luego oprima la tecla numeral. Lo marcará para confirmar cada llamada de alerta.',
  invalidPin: 'Un PIN tiene de 4 a 8 dígitos.',
  repeatPin: 'Marque el mismo PIN otra vez y luego la tecla numeral.',
  pinMismatch: 'Los dos PIN no eran iguales. Intentemos de nuevo.',
  registered:
    'Gracias. Si este número puede recibir alertas, lo llamaremos pronto con un código de 6 dígitos. Marque el código durante esa llamada para activar las alertas.',
  tooManyRequests: 'Demasiadas solicitudes. Intente más tarde.',
  stopped: 'Las alertas a este teléfono están canceladas.',
  cannotStop:
    'No vemos el número desde el que llama. Para cancelar las alertas por mensaje, responda STOP a una de ellas.',
  noInput: 'No recibimos respuesta.',
  goodbye: 'Adiós.',
  enterCode: 'Para activar las alertas, marque el código ahora.',
  confirmed: 'Las alertas están activadas. Cada llamada de alerta explica cómo detenerlas. Adiós.',
  wrongCode: 'Ese código no es correcto.',
  acknowledged: 'Gracias. Adiós.',
  wrongPin: 'Ese PIN no es correcto.',
  hoursAgo: (hours) => (hours === 1 ? 'hace 1 hora' : `hace ${hours} horas`),
  daysAgo: (days) => (days === 1 ? 'hace 1 día' : `hace ${days} días`),
  lessThanAnHour: 'hace menos de una hora',
};

// Text replies are short: one GSM-7 segment in English; Spanish accents need UCS-2, so those stay within two.
const enText: TextReplies = {
  status: (explained, facility, changed, freshness) =>
    [explained, facility, changed ? `Changed ${changed}.` : undefined, `Updated ${freshness}.`]
      .filter(Boolean)
      .join(' '),
  notFound: 'No record we can share for that ID. Check it and try again.',
  statusUsage: 'Text STATUS and the A-number or booking number, e.g. STATUS A123456789.',
  alertsUsage: 'Text ALERTS and the A-number or booking number, e.g. ALERTS A123456789.',
  alertsRequested: 'If alerts are possible for that ID, a code follows. Reply with the code to turn them on.',
  alertsRefused: 'This number cannot get alerts.',
  confirmed: 'Alerts are on. Reply STOP to stop.',
  wrongCode: 'That code is not right or has expired.',
  help: 'Text STATUS or ALERTS and an ID. Reply STOP to stop alerts. In danger? Call 911.',
  tooMany: 'Too many requests. Please try again later.',
};

const esText: TextReplies = {
  status: (explained, facility, changed, freshness) =>
    [explained, facility, changed ? `Cambió el ${changed}.` : undefined, `Actualizado ${freshness}.`]
      .filter(Boolean)
      .join(' '),
  notFound: 'No hay un registro que podamos compartir para ese número. Revíselo.',
  statusUsage: 'Envíe ESTADO y el número A o de registro, p. ej. ESTADO A123456789.',
  alertsUsage: 'Envíe ALERTAS y el número A o de registro, p. ej. ALERTAS A123456789.',
  alertsRequested: 'Si hay alertas para ese número, le llegará un código. Responda con el código para activarlas.',
  alertsRefused: 'Este número no puede recibir alertas.',
  confirmed: 'Alertas activadas. Responda STOP para cancelar.',
  wrongCode: 'Ese código no es correcto o ha vencido.',
  help: 'Envíe ESTADO o ALERTAS y un número. Responda STOP para cancelar. ¿En peligro? Llame al 911.',
  tooMany: 'Demasiadas solicitudes. Intente más tarde.',
};

const VOICE = { en, es };
const TEXT = { en: enText, es: esText };

/** Every language the phone line speaks, in the order the language menu offers them (1, 2, …). */
export type PhoneLanguage = keyof typeof VOICE;
export const PHONE_LANGUAGES = Object.keys(VOICE) as PhoneLanguage[];

/** The BCP 47 tag text-to-speech reads each language with. */
export const SPEECH_TAGS: Record<PhoneLanguage, 'en-US' | 'es-US'> = { en: 'en-US', es: 'es-US' };

export function phoneLanguage(tag: string): PhoneLanguage {
  const primary = tag.split('-')[0]!.toLowerCase();
  return (PHONE_LANGUAGES as string[]).includes(primary) ? (primary as PhoneLanguage) : 'en';
}

export function prompts(language: PhoneLanguage): PhonePrompts {
  return VOICE[language];
}

export function textReplies(language: PhoneLanguage): TextReplies {
  return TEXT[language];
}

/**
 * A status as the phone line says it: the custody guide's plain-words meaning and what to do now, the same
 * explanations the lookup shows.
 */
export function spokenStatus(language: PhoneLanguage, status: CustodyStatus): string[] {
  const explained = custodyGuideText(language).statuses[status];
  return [explained.meaning, explained.now];
}

/** A status in a text message: the guide's one-sentence form, as alert messages word it. */
export function textStatus(language: PhoneLanguage, status: CustodyStatus): string {
  return custodyGuideText(language).statuses[status].alert;
}

/** "2 hours ago", "hace 3 días": how old the data is, from the source's last update. */
export function freshness(language: PhoneLanguage, updatedAt: string, now: Date): string {
  const p = VOICE[language];
  const hours = Math.floor((now.getTime() - Date.parse(updatedAt)) / 3600_000);
  if (!(hours >= 1)) return p.lessThanAnHour;
  return hours < 48 ? p.hoursAgo(hours) : p.daysAgo(Math.floor(hours / 24));
}

const dateFormats = new Map<PhoneLanguage, Intl.DateTimeFormat>();

/** A calendar date in words ("November 29, 2026", "29 de noviembre de 2026"), UTC. */
export function spokenDate(language: PhoneLanguage, iso: string): string {
  let format = dateFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' });
    dateFormats.set(language, format);
  }
  return format.format(new Date(iso));
}

/** A phone number read digit by digit in groups: "7 1 3, 5 5 5, 0 1 5 2". */
export function spokenPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');
  if (digits.length !== 10) return digits.split('').join(' ');
  return [digits.slice(0, 3), digits.slice(3, 6), digits.slice(6)].map((g) => g.split('').join(' ')).join(', ');
}
