// Haitian Creole. No text-to-speech voice speaks it, so it has no phone line or alert calls (options say so).
import type { ServerCatalog } from './types.js';

export default {
  language: 'ht',
  reviewed: false,
  dir: 'ltr',
  months: ['janvye', 'fevriye', 'mas', 'avril', 'me', 'jen', 'jiyè', 'out', 'septanm', 'oktòb', 'novanm', 'desanm'],
  ago: {
    lessThanAnHour: 'gen mwens pase inèdtan',
    hours: (hours) => (hours === 1 ? 'gen 1 èdtan' : `gen ${hours} èdtan`),
    days: (days) => (days === 1 ? 'gen 1 jou' : `gen ${days} jou`),
  },
  alerts: {
    confirmSubject: 'Kòd verifikasyon ou',
    statusSubject: 'Nouvèl sou yon notifikasyon',
    confirmCode: (code, minutes) => `Kòd verifikasyon ou se ${code}. Li ekspire nan ${minutes} minit.`,
    confirmLink: (url) => `Oswa konfime ak lyen sa a: ${url}`,
    notYou: 'Si se pa ou ki te mande sa, pa okipe mesaj sa a. Nou p ap voye anyen ankò.',
    statusLine: (reference, when) => `Nouvèl sou referans ${reference} (${when}):`,
    safety: 'Si w an danje, rele 911.',
    stopEmail: (url) => `Pou w pa resevwa mesaj sa yo ankò: ${url}`,
    stopSms: 'Reponn STOP pou kanpe.',
    stopCall: 'Pou kanpe apèl sa yo, peze 9.',
    pinPrompt: 'Antre PIN ou pou konfime ou tande mesaj sa a.',
    smsStopped: 'Nimewo sa a p ap resevwa alèt ankò. Reponn START pou rekòmanse.',
    smsStarted: 'Alèt yo rekòmanse. Reponn STOP pou kanpe.',
    pageStopTitle: 'Kanpe alèt yo',
    pageStopButton: 'Kanpe alèt yo',
    pageStopDone: 'Ou p ap resevwa alèt ankò.',
    pageConfirmTitle: 'Konfime alèt yo',
    pageConfirmButton: 'Konfime',
    pageConfirmDone: 'Alèt yo aktive. Chak mesaj di kijan pou kanpe yo.',
    pageInvalid: 'Lyen sa a pa bon oswa li ekspire.',
  },
  callbacks: {
    subject: 'Nou resevwa demann ou',
    received: (reference) =>
      `Nou resevwa demann ou. Referans ou se ${reference}. N ap kontakte w nan lè ou te chwazi yo.`,
    cancel: (url) => `Pou anile l: ${url}`,
    notYou: 'Si se pa ou ki te mande sa, pa okipe mesaj sa a.',
    sms: (reference, url) =>
      `Nou resevwa demann ${reference}. N ap kontakte w nan lè ou chwazi yo. Pou anile l: ${url}`,
    neutral: (reference) => `Bonjou, sa a se yon apèl koutwazi sou demann ou, referans ${reference}. Mèsi.`,
    pageTitle: 'Anile demann ou',
    pageButton: 'Anile demann lan',
    pageDone: 'Demann ou anile. Pèsonn p ap kontakte w pou sa.',
    pageInvalid: 'Lyen sa a pa bon.',
  },
  text: {
    status: (explained, facility, changed, freshness) =>
      [explained, facility, changed ? `Chanje ${changed}.` : undefined, `Mizajou ${freshness}.`]
        .filter(Boolean)
        .join(' '),
    notFound: 'Pa gen dosye nou ka pataje pou nimewo sa a. Verifye l epi eseye ankò.',
    statusUsage: 'Voye ESTATI ak nimewo A a oswa nimewo anrejistreman an, egz. ESTATI A123456789.',
    alertsUsage: 'Voye ALÈT ak nimewo A a oswa nimewo anrejistreman an, egz. ALÈT A123456789.',
    alertsRequested: 'Si gen alèt posib pou nimewo sa a, yon kòd ap vini. Reponn ak kòd la pou aktive yo.',
    alertsRefused: 'Nimewo sa a pa ka resevwa alèt.',
    confirmed: 'Alèt yo aktive. Reponn STOP pou kanpe.',
    wrongCode: 'Kòd sa a pa bon oswa li ekspire.',
    help: 'Voye ESTATI oswa ALÈT ak yon nimewo. Reponn STOP pou kanpe. An danje? Rele 911.',
    tooMany: 'Twòp demann. Tanpri eseye pita.',
  },
  keywords: {
    stop: ['KANPE', 'SISPANN', 'ANILE'],
    start: ['KÒMANSE', 'REKÒMANSE'],
    help: ['ÈD', 'EDE'],
    status: ['ESTATI'],
    alerts: ['ALÈT'],
  },
} satisfies ServerCatalog;
