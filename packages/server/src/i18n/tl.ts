// Tagalog (also sent for Filipino, `fil`).
import type { ServerCatalog } from './types.js';

export default {
  language: 'tl',
  reviewed: false,
  dir: 'ltr',
  ago: {
    lessThanAnHour: 'wala pang isang oras ang nakalipas',
    hours: (hours) => (hours === 1 ? '1 oras ang nakalipas' : `${hours} oras ang nakalipas`),
    days: (days) => (days === 1 ? '1 araw ang nakalipas' : `${days} araw ang nakalipas`),
  },
  alerts: {
    confirmSubject: 'Ang iyong code sa beripikasyon',
    statusSubject: 'Update sa abiso',
    confirmCode: (code, minutes) =>
      `Ang iyong code sa beripikasyon ay ${code}. Mag-e-expire ito sa loob ng ${minutes} minuto.`,
    confirmLink: (url) => `O kumpirmahin gamit ang link na ito: ${url}`,
    notYou: 'Kung hindi ikaw ang humiling nito, huwag pansinin ang mensaheng ito.',
    statusLine: (reference, when) => `Update sa status ng reference ${reference} (${when}):`,
    safety: 'Kung nasa panganib ka, tumawag sa 911.',
    stopEmail: (url) => `Para ihinto ang mga mensaheng ito: ${url}`,
    stopSms: 'Sumagot ng STOP para ihinto.',
    stopCall: 'Para ihinto ang mga tawag na ito, pindutin ang 9.',
    pinPrompt: 'Ilagay ang iyong PIN para kumpirmahing narinig mo ang mensaheng ito.',
    smsStopped: 'Wala ka nang matatanggap na alerto sa numerong ito. Sumagot ng START para ituloy.',
    smsStarted: 'Itinuloy ang mga alerto. Sumagot ng STOP para ihinto.',
    pageStopTitle: 'Ihinto ang mga alerto',
    pageStopButton: 'Ihinto ang mga alerto',
    pageStopDone: 'Wala ka nang matatanggap na alerto.',
    pageConfirmTitle: 'Kumpirmahin ang mga alerto',
    pageConfirmButton: 'Kumpirmahin',
    pageConfirmDone: 'Naka-on na ang mga alerto. Sinasabi ng bawat mensahe kung paano ito ihinto.',
    pageInvalid: 'Hindi wasto o expired na ang link na ito.',
  },
  callbacks: {
    subject: 'Natanggap namin ang iyong kahilingan',
    received: (reference) =>
      `Natanggap namin ang iyong kahilingan. Ang iyong reference ay ${reference}. Kokontakin ka namin sa mga oras na pinili mo.`,
    cancel: (url) => `Para kanselahin ito: ${url}`,
    notYou: 'Kung hindi ikaw ang humiling nito, huwag pansinin ang mensaheng ito.',
    sms: (reference, url) =>
      `Natanggap ang kahilingan ${reference}. Kokontakin ka namin sa mga oras na pinili mo. Para kanselahin: ${url}`,
    neutral: (reference) =>
      `Hello, isa itong courtesy call tungkol sa iyong kahilingan, reference ${reference}. Salamat.`,
    pageTitle: 'Kanselahin ang iyong kahilingan',
    pageButton: 'Kanselahin ang kahilingan',
    pageDone: 'Kinansela na ang iyong kahilingan. Walang kokontak sa iyo tungkol dito.',
    pageInvalid: 'Hindi wasto ang link na ito.',
  },
  text: {
    status: (explained, facility, changed, freshness) =>
      [explained, facility, changed ? `Nagbago noong ${changed}.` : undefined, `In-update ${freshness}.`]
        .filter(Boolean)
        .join(' '),
    notFound: 'Walang rekord na maibabahagi para sa ID na iyon. Suriin ito at subukang muli.',
    statusUsage: 'I-text ang KATAYUAN at ang A-number o booking number, hal. KATAYUAN A123456789.',
    alertsUsage: 'I-text ang ALERTO at ang A-number o booking number, hal. ALERTO A123456789.',
    alertsRequested:
      'Kung puwede ang alerto para sa ID na iyon, may darating na code. Sumagot gamit ang code para i-on.',
    alertsRefused: 'Hindi makakatanggap ng alerto ang numerong ito.',
    confirmed: 'Naka-on na ang mga alerto. Sumagot ng STOP para ihinto.',
    wrongCode: 'Mali o expired na ang code na iyon.',
    help: 'I-text ang KATAYUAN o ALERTO at isang ID. Sumagot ng STOP para ihinto. Nasa panganib? Tumawag sa 911.',
    tooMany: 'Masyadong maraming kahilingan. Subukang muli mamaya.',
  },
  keywords: {
    stop: ['TIGIL', 'ITIGIL', 'HINTO', 'IHINTO'],
    start: ['SIMULA', 'ITULOY'],
    help: ['TULONG'],
    status: ['KATAYUAN'],
    alerts: ['ALERTO'],
  },
  voice: {
    speechTag: 'fil-PH',
    tty: true,
    prompts: {
      chooseLanguage: (digit) => `Para sa Tagalog, pindutin ang ${digit}.`,
      danger: 'Kung nasa panganib ka, ibaba ang telepono at tumawag sa 911.',
      otherLanguage: 'Para sa ibang wika, manatili sa linya.',
      transferring: 'Ikinokonekta ka namin sa isang interpreter. Pakihintay.',
      menu: 'Para maghanap gamit ang A-number, pindutin ang 1. Para maghanap gamit ang booking number, pindutin ang 2. Para gamitin ang reference number sa iyong mga alerto, pindutin ang 3. Para marinig ito muli, pindutin ang 0. Para ihinto ang mga alerto sa numerong ito, pindutin ang 9.',
      enterId: {
        'a-number':
          'Ilagay ang mga numero ng A-number, pagkatapos ay pindutin ang pound key. Para itama, pindutin ang star.',
        booking: 'Ilagay ang booking number, pagkatapos ay pindutin ang pound key. Para itama, pindutin ang star.',
        reference:
          'Ilagay ang 10-digit na reference number mula sa iyong mga alerto, pagkatapos ay pindutin ang pound key. Para itama, pindutin ang star.',
      },
      correcting: 'Ulitin natin ang numerong iyon.',
      notFound: 'Wala kaming rekord na maibabahagi para sa numerong iyon. Suriin ang numero at subukang muli.',
      tooManyLookups: 'Masyadong maraming paghahanap mula sa teleponong ito. Subukang muli mamaya.',
      recordOf: (name) => `Rekord ni ${name}.`,
      facility: (name, phone) =>
        phone ? `Pasilidad: ${name}. Ang numero ng telepono nito ay ${phone}.` : `Pasilidad: ${name}.`,
      changedOn: (date) => `Huling pagbabago: ${date}.`,
      updated: (freshness) => `In-update ang impormasyong ito ${freshness}.`,
      resultMenu:
        'Para makatanggap ng tawag kapag nagbago ang status na ito, pindutin ang 1. Para maghanap ng ibang numero, pindutin ang 2. Para marinig ito muli, pindutin ang 0. Para ihinto ang mga alerto sa numerong ito, pindutin ang 9.',
      registerNumber:
        'Tatawagan ng mga alerto ang numerong ginagamit mo ngayon. Para gamitin ito, pindutin ang 1. Para maglagay ng ibang numero, pindutin ang 2.',
      enterNumber:
        'Ilagay ang 10-digit na numero ng telepono para sa mga alerto, pagkatapos ay pindutin ang pound key.',
      invalidNumber: 'Hindi makakatanggap ng alerto ang numerong iyon. Maglagay ng iba.',
      choosePin:
        'Pumili ng PIN na may 4 hanggang 8 numero, pagkatapos ay pindutin ang pound key. Ilalagay mo ito para kumpirmahin ang bawat tawag ng alerto.',
      invalidPin: 'Ang PIN ay may 4 hanggang 8 numero.',
      repeatPin: 'Ilagay muli ang parehong PIN, pagkatapos ay pindutin ang pound key.',
      pinMismatch: 'Hindi magkapareho ang dalawang PIN. Subukan natin ulit.',
      registered:
        'Salamat. Kung makakatanggap ng alerto ang numerong ito, tatawagan namin ito sa lalong madaling panahon na may 6-digit na code. Ilagay ang code sa tawag na iyon para i-on ang mga alerto.',
      tooManyRequests: 'Masyadong maraming kahilingan. Subukang muli mamaya.',
      stopped: 'Itinigil na ang mga alerto sa numerong ito.',
      cannotStop:
        'Hindi namin makita ang numerong ginagamit mo. Para ihinto ang mga alerto sa text, sumagot ng STOP sa isa sa mga ito.',
      noInput: 'Wala kaming natanggap na sagot.',
      goodbye: 'Paalam.',
      enterCode: 'Para i-on ang mga alerto, ilagay na ang code.',
      confirmed: 'Naka-on na ang mga alerto. Sinasabi ng bawat tawag ng alerto kung paano ito ihinto. Paalam.',
      wrongCode: 'Mali ang code na iyon.',
      acknowledged: 'Salamat. Paalam.',
      wrongPin: 'Mali ang PIN na iyon.',
    },
  },
} satisfies ServerCatalog;
