// The insights dashboard's words in English and Spanish: its own catalog, so the page's many labels (views,
// measures, rows) stay next to the page; the console's language and value words come from i18n.ts.
import type { Report, ViewName } from './api.js';
import { fill, type Lang, type Translator } from './i18n.js';

const en = {
  title: 'Insights',
  intro:
    'Counts of one month, never of a person. A count under {k} is shown as “< {k}”, and where needed a second count is hidden too, so that no small count can be worked out from the totals.',
  noise: 'Reports carry random noise (ε = {epsilon}): every report you open uses part of the month’s privacy budget.',
  period: 'Month',
  partner: 'Partner',
  'partner.all': 'All partners and visitors without one',
  'partner.own': 'Organization: {partner}',
  show: 'Show reports',
  none: 'No reports yet: a month can be reported once it has ended.',
  shown: 'Reports for {period} are shown.',
  table: 'Table: {title}',
  caption: '{title}, {period}',
  suppressed: '“< {k}” is a count hidden to protect privacy; the chart leaves it out.',
  chart: 'Chart: {title}. The same counts are in the table below.',
  csv: 'CSV: {title}',
  downloads: 'Downloads (CSV, suppression applied)',
  total: 'Total',
  unknown: 'Unknown',
  interpreter: 'Interpreter requested',
  'view.searches': 'Searches and unmet need by day',
  'view.categories': 'Searches by category',
  'view.states': 'Searches by state',
  'view.zip3': 'Searches by ZIP3',
  'view.languages': 'Languages',
  'view.alert-channels': 'Alert channels',
  'view.alert-kinds': 'Alert events chosen',
  'view.deliveries': 'Alert deliveries',
  'view.lookups': 'Custody lookups by state',
  'view.callbacks': 'Callback requests by topic',
  'view.callback-regions': 'Callback requests by state',
  'view.callback-times': 'Callback times',
  'view.callback-outcomes': 'Callback outcomes',
  'dim.day': 'Day',
  'dim.topic': 'Category or topic',
  'dim.state': 'State',
  'dim.zip3': 'ZIP3',
  'dim.language': 'Language',
  'dim.channel': 'Channel',
  'dim.duration': 'Time taken',
  'dim.outcome': 'Outcome',
  'dim.priority': 'Priority',
  'measure.matched': 'Found help',
  'measure.unmet': 'Unmet need (nothing found)',
  'measure.crisisPanels': 'Crisis panels shown',
  'measure.searches': 'Searches',
  'measure.alertSignups': 'Alert signups',
  'measure.callbackRequests': 'Callback requests',
  'measure.signups': 'Signups',
  'measure.confirmations': 'Confirmations',
  'measure.unsubscribes': 'Unsubscribes',
  'measure.chosen': 'Chosen',
  'measure.sent': 'Sent',
  'measure.failed': 'Failed',
  'measure.searchesFound': 'Searches, found',
  'measure.searchesNotFound': 'Searches, not found',
  'measure.viewsFound': 'Record views, found',
  'measure.viewsNotFound': 'Record views, not found',
  'measure.requests': 'Requests',
  'measure.firstAttempt': 'To first attempt',
  'measure.closed': 'To close',
  'duration.under-1h': 'Under 1 hour',
  'duration.1-4h': '1 to 4 hours',
  'duration.4-24h': '4 to 24 hours',
  'duration.1-3d': '1 to 3 days',
  'duration.3-7d': '3 to 7 days',
  'duration.over-7d': 'Over 7 days',
} as const;

export type InsightsKey = keyof typeof en;

const es: Record<InsightsKey, string> = {
  title: 'Estadísticas',
  intro:
    'Recuentos de un mes, nunca de una persona. Un recuento menor que {k} se muestra como «< {k}» y, si hace falta, se oculta también un segundo recuento, para que ningún recuento pequeño pueda deducirse de los totales.',
  noise:
    'Los informes llevan ruido aleatorio (ε = {epsilon}): cada informe que abre consume parte del presupuesto de privacidad del mes.',
  period: 'Mes',
  partner: 'Organización asociada',
  'partner.all': 'Todas las organizaciones y visitantes sin ninguna',
  'partner.own': 'Organización: {partner}',
  show: 'Mostrar informes',
  none: 'Aún no hay informes: un mes puede consultarse cuando ha terminado.',
  shown: 'Se muestran los informes de {period}.',
  table: 'Tabla: {title}',
  caption: '{title}, {period}',
  suppressed: '«< {k}» es un recuento oculto para proteger la privacidad; el gráfico no lo dibuja.',
  chart: 'Gráfico: {title}. Los mismos recuentos están en la tabla de abajo.',
  csv: 'CSV: {title}',
  downloads: 'Descargas (CSV, con la supresión aplicada)',
  total: 'Total',
  unknown: 'Desconocido',
  interpreter: 'Pidió intérprete',
  'view.searches': 'Búsquedas y necesidades no cubiertas por día',
  'view.categories': 'Búsquedas por categoría',
  'view.states': 'Búsquedas por estado',
  'view.zip3': 'Búsquedas por ZIP3',
  'view.languages': 'Idiomas',
  'view.alert-channels': 'Canales de alertas',
  'view.alert-kinds': 'Eventos de alerta elegidos',
  'view.deliveries': 'Envíos de alertas',
  'view.lookups': 'Consultas de custodia por estado',
  'view.callbacks': 'Solicitudes de llamada por tema',
  'view.callback-regions': 'Solicitudes de llamada por estado',
  'view.callback-times': 'Tiempos de respuesta a las solicitudes de llamada',
  'view.callback-outcomes': 'Resultados de las solicitudes de llamada',
  'dim.day': 'Día',
  'dim.topic': 'Categoría o tema',
  'dim.state': 'Estado',
  'dim.zip3': 'ZIP3',
  'dim.language': 'Idioma',
  'dim.channel': 'Canal',
  'dim.duration': 'Tiempo',
  'dim.outcome': 'Resultado',
  'dim.priority': 'Prioridad',
  'measure.matched': 'Encontraron ayuda',
  'measure.unmet': 'Necesidad no cubierta (sin resultados)',
  'measure.crisisPanels': 'Avisos de crisis mostrados',
  'measure.searches': 'Búsquedas',
  'measure.alertSignups': 'Altas en alertas',
  'measure.callbackRequests': 'Solicitudes de llamada',
  'measure.signups': 'Altas',
  'measure.confirmations': 'Confirmaciones',
  'measure.unsubscribes': 'Bajas',
  'measure.chosen': 'Elegidos',
  'measure.sent': 'Enviados',
  'measure.failed': 'Fallidos',
  'measure.searchesFound': 'Búsquedas, con resultado',
  'measure.searchesNotFound': 'Búsquedas, sin resultado',
  'measure.viewsFound': 'Fichas vistas, encontradas',
  'measure.viewsNotFound': 'Fichas vistas, no encontradas',
  'measure.requests': 'Solicitudes',
  'measure.firstAttempt': 'Hasta el primer intento',
  'measure.closed': 'Hasta el cierre',
  'duration.under-1h': 'Menos de 1 hora',
  'duration.1-4h': 'De 1 a 4 horas',
  'duration.4-24h': 'De 4 a 24 horas',
  'duration.1-3d': 'De 1 a 3 días',
  'duration.3-7d': 'De 3 a 7 días',
  'duration.over-7d': 'Más de 7 días',
};

const CATALOGS: Record<Lang, Record<InsightsKey, string>> = { en, es };

/** The dashboard's words in the console's language, and labels for the reports' views, rows and measures. */
export interface InsightsText {
  lang: Lang;
  t(key: InsightsKey, values?: Record<string, string | number>): string;
  view(view: ViewName): string;
  dimension(dimension: Report['rowDimension']): string;
  measure(measure: string): string;
  /** A row's label: a day, a language's name, a duration bucket, a channel or topic word, or the key itself. */
  row(dimension: Report['rowDimension'], key: string): string;
  /** A month `2026-11` as words (“November 2026”). */
  month(period: string): string;
}

export function insightsText(tr: Translator): InsightsText {
  const catalog = CATALOGS[tr.lang];
  const t = (key: InsightsKey, values?: Record<string, string | number>) => fill(catalog[key], values);
  const known = (key: string) => key in catalog;
  const languages = new Intl.DisplayNames(tr.lang, { type: 'language', fallback: 'code' });
  const days = new Intl.DateTimeFormat(tr.lang, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const months = new Intl.DateTimeFormat(tr.lang, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const languageName = (code: string) => {
    try {
      return languages.of(code) ?? code;
    } catch {
      return code; // not a language tag (the counter stores anything odd as "other")
    }
  };
  const row = (dimension: Report['rowDimension'], key: string): string => {
    if (key === 'unknown' || key === 'interpreter') return t(key);
    if (dimension === 'day') return days.format(new Date(`${key}T00:00:00Z`));
    if (dimension === 'language') return languageName(key);
    if (dimension === 'duration' && known(`duration.${key}`)) return t(`duration.${key}` as InsightsKey);
    return tr.word(key);
  };
  return {
    lang: tr.lang,
    t,
    view: (view) => t(`view.${view}`),
    dimension: (dimension) => t(`dim.${dimension}`),
    measure: (measure) => (known(`measure.${measure}`) ? t(`measure.${measure}` as InsightsKey) : measure),
    row,
    month: (period) => months.format(new Date(`${period}-01T00:00:00Z`)),
  };
}
