// The embed snippet for a set of options: plain text, every value escaped for an HTML attribute.

/** Category slugs the directory understands (packages/sdk/src/contract/service.ts, SERVICE_CATEGORIES). */
export const CATEGORIES = [
  'hotline',
  'domestic-violence',
  'sexual-assault',
  'shelter',
  'counseling',
  'legal-aid',
  'protective-orders',
  'victim-compensation',
  'victim-advocacy',
  'court-accompaniment',
  'human-trafficking',
  'child-abuse',
  'elder-abuse',
  'stalking',
  'homicide-survivors',
  'immigration',
  'medical',
  'housing',
  'financial-assistance',
  'support-group',
  'custody-notification',
];

const DEFAULT_COLORS = { primary: '#0b4f8a', surface: '#ffffff', text: '#1b1b1b' };

const escapeAttr = (value) => String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** WCAG 2.x contrast ratio of two #rrggbb colours. */
export function contrastRatio(a, b) {
  const luminance = (hex) => {
    const [r, g, b2] = [1, 3, 5]
      .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b2;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * @param {{ scriptUrl: string, integrity?: string, apiBaseUrl: string, partnerId: string, lang?: string,
 *   near?: string, categories?: string[], capture?: '' | 'isolated',
 *   colors?: { primary?: string, surface?: string, text?: string } }} o
 */
export function buildSnippet(o) {
  const lines = [];
  const colors = Object.entries(o.colors ?? {}).filter(([name, value]) => value && value !== DEFAULT_COLORS[name]);
  if (colors.length) {
    lines.push('<style>', `  referral-widget {`);
    for (const [name, value] of colors) lines.push(`    --referral-color-${name}: ${value};`);
    lines.push('  }', '</style>');
  }
  const sri = o.integrity ? ` integrity="${escapeAttr(o.integrity)}" crossorigin="anonymous"` : '';
  lines.push(`<script src="${escapeAttr(o.scriptUrl)}"${sri} defer></script>`);
  const attrs = [
    ['api-base-url', o.apiBaseUrl],
    ['partner-id', o.partnerId],
    ['lang', o.lang],
    ['near', o.near],
    ['categories', (o.categories ?? []).join(',')],
    ['capture', o.capture],
  ]
    .filter(([, value]) => value)
    .map(([name, value]) => ` ${name}="${escapeAttr(value)}"`)
    .join('');
  lines.push(
    `<referral-widget${attrs}>`,
    '  <p>Need help now? In danger, call 911. National Domestic Violence Hotline:',
    '    <a href="tel:+18007997233">1-800-799-7233</a>. RAINN: <a href="tel:+18006564673">1-800-656-4673</a>.</p>',
    '</referral-widget>',
  );
  return lines.join('\n');
}
