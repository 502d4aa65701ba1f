// Every server message kind in every language: it renders whole (no missing placeholder, no English where the
// language has its own words), fits two SMS segments where it is a text, and text keywords are matched in every
// language, whatever the case or accents.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ALERT_EVENTS, AlertChannel, CALLBACK_CHANNELS, CustodyStatus, LANGUAGES } from '@referral-kit/sdk';
import {
  catalog,
  channelLanguage,
  channelLanguages,
  MESSAGE_LANGUAGES,
  PHONE_LANGUAGES,
  TTY_LANGUAGES,
  voiceOf,
  type PhonePrompts,
} from '../src/i18n/index.js';
import { renderConfirmation, renderStatus } from '../src/notify/messages.js';
import { renderReference } from '../src/callbacks/messages.js';
import { smsSize } from '../src/notify/sms-segments.js';
import { findKeyword, keywordForm } from '../src/telephony/text-in.js';
import { freshness, spokenDate, textReplies, textStatus } from '../src/telephony/prompts.js';
import { alertOptions } from '../src/alerts/options.js';

/** A signed token as the server makes them: a 22-character id, a dot and a 43-character HMAC. */
const URL_TOKEN = `${'i'.repeat(22)}.${'x'.repeat(43)}`;
const STOP_URL = `https://alerts.example.org/v1/alerts/stop?token=${URL_TOKEN}`;
const CONFIRM_URL = `https://alerts.example.org/v1/alerts/confirm-link?token=${URL_TOKEN}`;
const CANCEL_URL = `https://alerts.example.org/v1/callbacks/cancel-link?token=${URL_TOKEN}`;
const OCCURRED = '2026-11-29T18:45:00.000Z';
const NOW = new Date('2026-12-03T01:00:00.000Z');

/** Every string a catalog holds, its functions called with sample values, by path ("alerts.confirmCode"). */
function leaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') {
    const args = ['CB-7KQ2-M9TX', 'Harris County Jail', 'December 1, 2026', '2 hours ago'].slice(0, value.length);
    return [[path, String((value as (...a: unknown[]) => unknown)(...(args.length ? args : [])))]].concat(
      value.length === 1 ? [[`${path}(2)`, String((value as (n: number) => unknown)(2))]] : [],
    ) as [string, string][];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${path}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [];
}

/** What no finished message contains: an unfilled placeholder or a value that was never there. */
const BROKEN = /\$\{|\{\w+\}|undefined|null|NaN|\[object/;

/** Leaves that are the same in a language as in English on purpose. */
const SAME_AS_ENGLISH = new Set(['language', 'dir', 'reviewed', 'voice.tty']);

describe('server messages: ten languages', () => {
  it('the catalogs are the SDK ten; English alone is reviewed; each has every leaf English has, none broken', () => {
    assert.deepEqual(MESSAGE_LANGUAGES, LANGUAGES);
    assert.deepEqual(
      MESSAGE_LANGUAGES.filter((l) => catalog(l).reviewed),
      ['en'],
    );
    const english = new Map(
      leaves({ ...catalog('en'), keywords: {}, voice: { ...catalog('en').voice, speechTag: '' } }),
    );
    for (const language of MESSAGE_LANGUAGES) {
      const own = catalog(language);
      assert.equal(own.language, language);
      const paths = new Map(leaves({ ...own, keywords: {}, voice: own.voice && { ...own.voice, speechTag: '' } }));
      for (const [path, text] of paths) assert.doesNotMatch(text, BROKEN, `${language} ${path}`);
      if (language === 'en') continue;
      for (const [path, text] of english) {
        if (path.startsWith('voice.') && !own.voice) continue;
        assert.ok(paths.has(path), `${language} lacks ${path}`);
        if (!SAME_AS_ENGLISH.has(path) && !path.startsWith('voice.speechTag'))
          assert.notEqual(paths.get(path), text, `${language} ${path} is English`);
      }
    }
  });

  it('alert confirmations and status messages render in every language of their channel, never in English', () => {
    for (const channel of AlertChannel.options) {
      for (const language of channelLanguages(channel)) {
        const confirmation = renderConfirmation({
          language,
          channel,
          code: '482913',
          minutes: 30,
          confirmUrl: CONFIRM_URL,
          stopUrl: STOP_URL,
        });
        const english = renderConfirmation({
          language: 'en',
          channel,
          code: '482913',
          minutes: 30,
          confirmUrl: CONFIRM_URL,
          stopUrl: STOP_URL,
        });
        assert.doesNotMatch(confirmation.text + confirmation.subject, BROKEN, `${channel} ${language}`);
        assert.match(confirmation.text, channel === 'voice' ? /4 8 2 9 1 3/ : /482913/);
        if (language !== 'en') {
          assert.notEqual(confirmation.subject, english.subject, `${channel} ${language} subject`);
          assert.doesNotMatch(confirmation.text, /verification code|If you did not ask/, `${channel} ${language}`);
        }
        for (const status of CustodyStatus.options) {
          for (const event of ALERT_EVENTS) {
            const message = renderStatus({
              language,
              channel,
              event,
              status,
              occurredAt: OCCURRED,
              reference: '4821930576',
              stopUrl: STOP_URL,
            });
            assert.doesNotMatch(message.text, BROKEN, `${channel} ${language} ${status}`);
            if (language !== 'en')
              assert.doesNotMatch(message.text, /Status update|in danger|Reply STOP to stop|November|Nov /, language);
          }
        }
      }
    }
  });

  it('dates are in the language’s words, Haitian Creole too (Intl has no data for it)', () => {
    assert.equal(spokenDate('ht', OCCURRED), '29 novanm 2026');
    assert.equal(spokenDate('fr', OCCURRED), '29 novembre 2026');
    assert.equal(spokenDate('zh-Hans', OCCURRED), '2026年11月29日');
    const htStatus = (channel: 'sms' | 'email') =>
      renderStatus({
        language: 'ht',
        channel,
        event: 'release',
        status: 'released',
        occurredAt: OCCURRED,
        reference: '1',
        stopUrl: STOP_URL,
      }).text;
    assert.match(htStatus('email'), /29 novanm 2026 18:45 UTC/);
    // Texts write the moment in digits: room is short.
    assert.match(htStatus('sms'), /29\/11\/2026 18:45 UTC/);
    assert.equal(freshness('ru', '2026-12-02T21:00:00.000Z', NOW), '4 часа назад');
    assert.equal(freshness('ru', '2026-11-28T01:00:00.000Z', NOW), '5 дней назад');
  });

  it('callback references render in the visitor’s language where the channel carries it, else English', () => {
    for (const channel of CALLBACK_CHANNELS) {
      for (const language of MESSAGE_LANGUAGES) {
        const message = renderReference({
          language,
          channel,
          reference: 'CB-7KQ2-M9TX',
          leaveMessage: true,
          cancelUrl: CANCEL_URL,
        })!;
        assert.doesNotMatch(message.text, BROKEN);
        const expected = channelLanguage(channel === 'call' ? 'voice' : channel === 'text' ? 'sms' : channel, language);
        assert.equal(message.language, expected, `${channel} ${language}`);
        assert.equal(message.subject, catalog(expected).callbacks.subject);
      }
    }
    // Haitian Creole cannot be spoken: the call's message is English, the text's Haitian Creole.
    assert.equal(
      renderReference({
        language: 'ht',
        channel: 'call',
        reference: 'CB-7KQ2-M9TX',
        leaveMessage: true,
        cancelUrl: CANCEL_URL,
      })!.language,
      'en',
    );
    assert.equal(
      renderReference({
        language: 'ht',
        channel: 'text',
        reference: 'CB-7KQ2-M9TX',
        leaveMessage: true,
        cancelUrl: CANCEL_URL,
      })!.language,
      'ht',
    );
  });

  it('every SMS fits two segments in every language (the callback text, with its link, three in UCS-2), real lengths', () => {
    const sizes: string[] = [];
    const check = (what: string, language: string, text: string) => {
      const size = smsSize(text);
      // The one text with a link: its cancel link alone is 124 characters, nearly two UCS-2 segments (134).
      const allowed = what === 'callback' && size.encoding === 'UCS-2' ? 3 : 2;
      assert.ok(
        size.segments <= allowed,
        `${what} ${language}: ${size.segments} ${size.encoding} segments (${size.units} units): ${text}`,
      );
      if (what === 'confirmation') sizes.push(`${language} ${size.encoding} ${size.units}`);
    };
    for (const language of MESSAGE_LANGUAGES) {
      const t = catalog(language);
      check(
        'confirmation',
        language,
        renderConfirmation({
          language,
          channel: 'sms',
          code: '482913',
          minutes: 30,
          confirmUrl: CONFIRM_URL,
          stopUrl: STOP_URL,
        }).text,
      );
      for (const status of CustodyStatus.options)
        for (const event of ALERT_EVENTS)
          check(
            `status ${status} ${event}`,
            language,
            renderStatus({
              language,
              channel: 'sms',
              event,
              status,
              occurredAt: OCCURRED,
              reference: '4821930576',
              stopUrl: STOP_URL,
            }).text,
          );
      check(
        'callback',
        language,
        renderReference({
          language,
          channel: 'text',
          reference: 'CB-7KQ2-M9TX',
          leaveMessage: false,
          cancelUrl: CANCEL_URL,
        })!.text,
      );
      for (const reply of [
        t.alerts.smsStopped,
        t.alerts.smsStarted,
        ...Object.values(t.text).filter((v) => typeof v === 'string'),
      ])
        check('reply', language, reply);
      check(
        'status reply',
        language,
        textReplies(language).status(
          textStatus(language, 'released-on-bond'),
          undefined,
          spokenDate(language, OCCURRED),
          freshness(language, OCCURRED, NOW),
        ),
      );
    }
  });
});

describe('server messages: phone line and options', () => {
  it('a voice speaks every language but Haitian Creole; TTY carries the Latin-script ones whose accents can go', () => {
    assert.deepEqual(PHONE_LANGUAGES, ['en', 'es', 'zh-Hans', 'vi', 'ko', 'tl', 'ar', 'ru', 'fr']);
    assert.deepEqual(TTY_LANGUAGES, ['en', 'es', 'tl', 'fr']);
    assert.deepEqual(Object.fromEntries(PHONE_LANGUAGES.map((l) => [l, voiceOf(l).speechTag])), {
      en: 'en-US',
      es: 'es-US',
      'zh-Hans': 'cmn-CN',
      vi: 'vi-VN',
      ko: 'ko-KR',
      tl: 'fil-PH',
      ar: 'ar-XA',
      ru: 'ru-RU',
      fr: 'fr-FR',
    });
    // Each language offers itself in the language menu in its own words, with the digit it is chosen by.
    PHONE_LANGUAGES.forEach((language, i) => {
      const p: PhonePrompts = voiceOf(language).prompts;
      assert.match(p.chooseLanguage(i + 1), new RegExp(`${i + 1}`));
    });
  });

  it('GET /v1/alerts/options offers exactly what each channel can send; Twilio has no TTY', () => {
    const webhook = alertOptions({ phone: { transport: 'webhook' } as never });
    assert.deepEqual(webhook.channels, [
      { channel: 'email', languages: [...LANGUAGES] },
      { channel: 'sms', languages: [...LANGUAGES] },
      { channel: 'voice', languages: ['en', 'es', 'zh-Hans', 'vi', 'ko', 'tl', 'ar', 'ru', 'fr'] },
      { channel: 'tty', languages: ['en', 'es', 'tl', 'fr'] },
    ]);
    const twilio = alertOptions({ phone: { transport: 'twilio' } as never });
    assert.deepEqual(
      twilio.channels.map((c) => c.channel),
      ['email', 'sms', 'voice'],
    );
    // A language a channel cannot carry falls back to English there, and only there.
    assert.equal(channelLanguage('voice', 'ht'), 'en');
    assert.equal(channelLanguage('sms', 'ht'), 'ht');
    assert.equal(channelLanguage('tty', 'vi'), 'en');
    assert.equal(channelLanguage('voice', 'zh-TW'), 'zh-Hans');
    assert.equal(channelLanguage('email', 'fil-PH'), 'tl');
  });
});

describe('server messages: text keywords', () => {
  const cases: [string, string, string | undefined, string][] = [
    // text, does, language (undefined: the English carrier words answer in the number's language), argument
    ['STOP', 'stop', undefined, ''],
    ['stop.', 'stop', undefined, ''],
    ['Unsubscribe', 'stop', undefined, ''],
    ['quit', 'stop', undefined, ''],
    ['HELP', 'help', undefined, ''],
    ['start', 'start', undefined, ''],
    ['ARRÊT', 'stop', 'fr', ''],
    ['arret', 'stop', 'fr', ''],
    ['Aide', 'help', 'fr', ''],
    ['PARAR', 'stop', 'es', ''],
    ['cancelar', 'stop', 'es', ''],
    ['ayuda', 'help', 'es', ''],
    ['停止', 'stop', 'zh-Hans', ''],
    ['退订', 'stop', 'zh-Hans', ''],
    ['帮助', 'help', 'zh-Hans', ''],
    ['状态A123456789', 'status', 'zh-Hans', 'A123456789'],
    ['DỪNG', 'stop', 'vi', ''],
    ['dung', 'stop', 'vi', ''],
    ['Hủy', 'stop', 'vi', ''],
    ['trợ giúp', 'help', 'vi', ''],
    ['TRANG THAI A123456789', 'status', 'vi', 'A123456789'],
    ['bắt đầu', 'start', 'vi', ''],
    ['중지', 'stop', 'ko', ''],
    ['도움말', 'help', 'ko', ''],
    ['상태 A123456789', 'status', 'ko', 'A123456789'],
    ['TIGIL', 'stop', 'tl', ''],
    ['itigil', 'stop', 'tl', ''],
    ['Tulong', 'help', 'tl', ''],
    ['إيقاف', 'stop', 'ar', ''],
    ['ايقاف', 'stop', 'ar', ''],
    ['إلغاء', 'stop', 'ar', ''],
    ['مساعدة', 'help', 'ar', ''],
    ['حاله A123456789', 'status', 'ar', 'A123456789'],
    ['СТОП', 'stop', 'ru', ''],
    ['стоп', 'stop', 'ru', ''],
    ['Помощь', 'help', 'ru', ''],
    ['KANPE', 'stop', 'ht', ''],
    ['sispann', 'stop', 'ht', ''],
    ['èd', 'help', 'ht', ''],
    ['ESTADO 260004512', 'status', 'es', '260004512'],
    ['alerts A123456789', 'alerts', 'en', 'A123456789'],
  ];
  for (const [text, does, language, argument] of cases) {
    it(`"${text}" → ${does} (${language ?? 'the number’s language'})`, () => {
      const found = findKeyword(text);
      assert.deepEqual(found && { ...found.keyword, argument: found.argument }, {
        does,
        ...(language ? { language } : {}),
        argument,
      });
    });
  }

  it('other text is no keyword (a word that merely starts like one, a sentence)', () => {
    for (const text of ['stopping by later', 'Hello', 'STOPP', '123456', 'Estados Unidos', ''])
      assert.equal(findKeyword(text), undefined, text);
  });

  it('compares words without case, accents or spelling variants', () => {
    assert.equal(keywordForm('Arrêt!'), 'ARRET');
    assert.equal(keywordForm('ĐẦU'), 'DAU');
    assert.equal(keywordForm('إلغاء'), keywordForm('الغاء'));
    assert.equal(keywordForm('Ёлка'), 'ЕЛКА');
  });
});
