// Message and page wording per language. Discreet by design: no word about offenders, inmates or custody in a
// subject or sender, nothing a glance at a lock screen would give away. Unknown languages fall back to English.
// What a status means comes from the custody guide (@referral-kit/sdk/custody-guide), shared with the lookup.

export interface Strings {
  /** Writing direction of pages in this language. */
  dir: 'ltr' | 'rtl';
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
  smsHelp: string;
  pageStopTitle: string;
  pageStopButton: string;
  pageStopDone: string;
  pageConfirmTitle: string;
  pageConfirmButton: string;
  pageConfirmDone: string;
  pageInvalid: string;
}

const en: Strings = {
  dir: 'ltr',
  confirmSubject: 'Your verification code',
  statusSubject: 'Notification update',
  confirmCode: (code, minutes) => `Your verification code is ${code}. It expires in ${minutes} minutes.`,
  confirmLink: (url) => `Or confirm with this link: ${url}`,
  notYou: 'If you did not ask for this, ignore this message. Nothing more will be sent.',
  statusLine: (reference, when) => `Status update for reference ${reference} (${when}):`,
  safety: 'If you are in danger, call 911.',
  stopEmail: (url) => `To stop these messages: ${url}`,
  stopSms: 'Reply STOP to stop.',
  stopCall: 'To stop these calls, press 9.',
  pinPrompt: 'Enter your PIN to confirm you heard this message.',
  smsStopped: 'You will get no more alerts at this number. Reply START to resume.',
  smsStarted: 'Alerts resumed. Reply STOP to stop.',
  smsHelp: 'Alerts about a status you follow. Reply STOP to stop.',
  pageStopTitle: 'Stop alerts',
  pageStopButton: 'Stop alerts',
  pageStopDone: 'You will get no more alerts.',
  pageConfirmTitle: 'Confirm alerts',
  pageConfirmButton: 'Confirm',
  pageConfirmDone: 'Alerts are on. Every message says how to stop them.',
  pageInvalid: 'This link is not valid or has expired.',
};

const es: Strings = {
  dir: 'ltr',
  confirmSubject: 'Su código de verificación',
  statusSubject: 'Actualización de notificación',
  confirmCode: (code, minutes) => `Su código de verificación es ${code}. Vence en ${minutes} minutos.`,
  confirmLink: (url) => `O confirme con este enlace: ${url}`,
  notYou: 'Si usted no lo pidió, ignore este mensaje. No se enviará nada más.',
  statusLine: (reference, when) => `Actualización de estado para la referencia ${reference} (${when}):`,
  safety: 'Si está en peligro, llame al 911.',
  stopEmail: (url) => `Para dejar de recibir estos mensajes: ${url}`,
  stopSms: 'Responda STOP para cancelar.',
  stopCall: 'Para dejar de recibir estas llamadas, marque 9.',
  pinPrompt: 'Marque su PIN para confirmar que escuchó este mensaje.',
  smsStopped: 'No recibirá más alertas en este número. Responda START para reanudarlas.',
  smsStarted: 'Alertas reanudadas. Responda STOP para cancelar.',
  smsHelp: 'Alertas sobre un estado que usted sigue. Responda STOP para cancelar.',
  pageStopTitle: 'Dejar de recibir alertas',
  pageStopButton: 'Dejar de recibir alertas',
  pageStopDone: 'No recibirá más alertas.',
  pageConfirmTitle: 'Confirmar alertas',
  pageConfirmButton: 'Confirmar',
  pageConfirmDone: 'Las alertas están activadas. Cada mensaje explica cómo detenerlas.',
  pageInvalid: 'Este enlace no es válido o ha vencido.',
};

// Keywords (STOP, START) stay in Latin letters: they are what carriers act on.
const ar: Strings = {
  dir: 'rtl',
  confirmSubject: 'رمز التحقق الخاص بك',
  statusSubject: 'تحديث إشعار',
  confirmCode: (code, minutes) => `رمز التحقق الخاص بك هو ${code}. تنتهي صلاحيته خلال ${minutes} دقيقة.`,
  confirmLink: (url) => `أو أكّد عبر هذا الرابط: ${url}`,
  notYou: 'إذا لم تطلب ذلك، فتجاهل هذه الرسالة. لن يُرسَل أي شيء آخر.',
  statusLine: (reference, when) => `تحديث الحالة للمرجع ${reference} (${when}):`,
  safety: 'إذا كنت في خطر، فاتصل بالرقم 911.',
  stopEmail: (url) => `لإيقاف هذه الرسائل: ${url}`,
  stopSms: 'أرسل STOP للإيقاف.',
  stopCall: 'لإيقاف هذه المكالمات، اضغط 9.',
  pinPrompt: 'أدخل رمز PIN لتأكيد أنك سمعت هذه الرسالة.',
  smsStopped: 'لن تصلك تنبيهات أخرى على هذا الرقم. أرسل START لاستئنافها.',
  smsStarted: 'استُؤنفت التنبيهات. أرسل STOP للإيقاف.',
  smsHelp: 'تنبيهات بشأن حالة تتابعها. أرسل STOP للإيقاف.',
  pageStopTitle: 'إيقاف التنبيهات',
  pageStopButton: 'إيقاف التنبيهات',
  pageStopDone: 'لن تصلك تنبيهات أخرى.',
  pageConfirmTitle: 'تأكيد التنبيهات',
  pageConfirmButton: 'تأكيد',
  pageConfirmDone: 'التنبيهات مفعّلة. كل رسالة توضّح كيفية إيقافها.',
  pageInvalid: 'هذا الرابط غير صالح أو انتهت صلاحيته.',
};

const CATALOG = { en, es, ar } satisfies Record<string, Strings>;

export type MessageLanguage = keyof typeof CATALOG;
/** The languages messages can be sent in (`GET /v1/alerts/options` lists them). */
export const MESSAGE_LANGUAGES = Object.keys(CATALOG) as MessageLanguage[];

/** The catalog language for a BCP 47 tag: its primary subtag when we have it (`es-MX` → `es`), else English. */
export function messageLanguage(tag: string): MessageLanguage {
  const primary = tag.split('-')[0]!.toLowerCase();
  return (MESSAGE_LANGUAGES as string[]).includes(primary) ? (primary as MessageLanguage) : 'en';
}

export function strings(tag: string): Strings {
  return CATALOG[messageLanguage(tag)];
}
