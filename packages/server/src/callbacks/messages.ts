// What the visitor receives: the reference and how to cancel, worded so a glance at a lock screen gives nothing
// away (no word about custody, offenders, victims or help). Calls and TTY only ever say the neutral phrase.
import type { CallbackChannel } from '@referral-kit/sdk';
import { messageLanguage, type MessageLanguage } from '../notify/i18n.js';
import type { RenderedMessage } from '../notify/messages.js';

interface CallbackStrings {
  subject: string;
  received(reference: string): string;
  cancel(url: string): string;
  notYou: string;
  /** The only thing ever said to a voicemail or a TTY relay. */
  neutral(reference: string): string;
  pageTitle: string;
  pageButton: string;
  pageDone: string;
  pageInvalid: string;
}

const CATALOG: Record<MessageLanguage, CallbackStrings> = {
  en: {
    subject: 'Your request was received',
    received: (reference) =>
      `We received your request. Your reference is ${reference}. We will contact you at the times you chose.`,
    cancel: (url) => `To cancel it: ${url}`,
    notYou: 'If you did not ask for this, ignore this message.',
    neutral: (reference) => `Hello, this is a courtesy call about your request, reference ${reference}. Thank you.`,
    pageTitle: 'Cancel your request',
    pageButton: 'Cancel the request',
    pageDone: 'Your request is cancelled. Nobody will contact you about it.',
    pageInvalid: 'This link is not valid.',
  },
  es: {
    subject: 'Recibimos su solicitud',
    received: (reference) =>
      `Recibimos su solicitud. Su referencia es ${reference}. Le contactaremos en los horarios que eligió.`,
    cancel: (url) => `Para cancelarla: ${url}`,
    notYou: 'Si usted no lo pidió, ignore este mensaje.',
    neutral: (reference) =>
      `Hola, esta es una llamada de cortesía sobre su solicitud, referencia ${reference}. Gracias.`,
    pageTitle: 'Cancelar su solicitud',
    pageButton: 'Cancelar la solicitud',
    pageDone: 'Su solicitud está cancelada. Nadie le contactará por ella.',
    pageInvalid: 'Este enlace no es válido.',
  },
  ar: {
    subject: 'وصلنا طلبك',
    received: (reference) => `وصلنا طلبك. رقمك المرجعي هو ${reference}. سنتواصل معك في الأوقات التي اخترتها.`,
    cancel: (url) => `لإلغائه: ${url}`,
    notYou: 'إذا لم تطلب ذلك، تجاهل هذه الرسالة.',
    neutral: (reference) => `مرحبًا، هذه مكالمة بخصوص طلبك، الرقم المرجعي ${reference}. شكرًا لك.`,
    pageTitle: 'إلغاء طلبك',
    pageButton: 'إلغاء الطلب',
    pageDone: 'تم إلغاء طلبك. لن يتواصل معك أحد بشأنه.',
    pageInvalid: 'هذا الرابط غير صالح.',
  },
};

export function callbackStrings(language: string): CallbackStrings {
  return CATALOG[messageLanguage(language)];
}

/**
 * The reference message for a channel, or null when nothing may be sent: a call or TTY message is left only when
 * the visitor said a message may be left, because nobody knows who will hear it.
 */
export function renderReference(input: {
  language: string;
  channel: CallbackChannel;
  reference: string;
  leaveMessage: boolean;
  cancelUrl: string;
}): RenderedMessage | null {
  const t = callbackStrings(input.language);
  if (input.channel === 'call' || input.channel === 'tty') {
    if (!input.leaveMessage) return null;
    // Spoken references are read character by character.
    const spoken = input.channel === 'call' ? input.reference.replace(/-/g, '').split('').join(' ') : input.reference;
    return { subject: t.subject, text: t.neutral(spoken) };
  }
  const lines = [t.received(input.reference), t.cancel(input.cancelUrl), t.notYou];
  return { subject: t.subject, text: input.channel === 'email' ? `${lines.join('\n\n')}\n` : lines.join(' ') };
}
