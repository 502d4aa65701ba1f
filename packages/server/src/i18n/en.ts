// English: the language every server can send, and what a text or call falls back to.
import type { ServerCatalog } from './types.js';

export default {
  language: 'en',
  reviewed: true,
  dir: 'ltr',
  ago: {
    lessThanAnHour: 'less than an hour ago',
    hours: (hours) => (hours === 1 ? '1 hour ago' : `${hours} hours ago`),
    days: (days) => (days === 1 ? '1 day ago' : `${days} days ago`),
  },
  alerts: {
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
    pageStopTitle: 'Stop alerts',
    pageStopButton: 'Stop alerts',
    pageStopDone: 'You will get no more alerts.',
    pageConfirmTitle: 'Confirm alerts',
    pageConfirmButton: 'Confirm',
    pageConfirmDone: 'Alerts are on. Every message says how to stop them.',
    pageInvalid: 'This link is not valid or has expired.',
  },
  callbacks: {
    subject: 'Your request was received',
    received: (reference) =>
      `We received your request. Your reference is ${reference}. We will contact you at the times you chose.`,
    cancel: (url) => `To cancel it: ${url}`,
    notYou: 'If you did not ask for this, ignore this message.',
    sms: (reference, url) =>
      `We received your request ${reference} and will contact you at the times you chose. To cancel it: ${url}`,
    neutral: (reference) => `Hello, this is a courtesy call about your request, reference ${reference}. Thank you.`,
    pageTitle: 'Cancel your request',
    pageButton: 'Cancel the request',
    pageDone: 'Your request is cancelled. Nobody will contact you about it.',
    pageInvalid: 'This link is not valid.',
  },
  // Text replies are short: one GSM-7 segment in English.
  text: {
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
  },
  // The carrier (CTIA) words: they work whatever language a number signed up in.
  keywords: {
    stop: ['STOP', 'STOPALL', 'CANCEL', 'END', 'QUIT', 'UNSUBSCRIBE'],
    start: ['START', 'UNSTOP'],
    help: ['HELP', 'INFO'],
    status: ['STATUS'],
    alerts: ['ALERTS'],
  },
  voice: {
    speechTag: 'en-US',
    tty: true,
    prompts: {
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
      choosePin:
        'Choose a PIN of 4 to 8 digits, then press the pound key. You will enter it to confirm each alert call.',
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
    },
  },
} satisfies ServerCatalog;
