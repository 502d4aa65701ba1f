// The one-file embeds' language files: tag → part → [file name next to the embed, SRI hash]. Empty here;
// rollup.config.mjs replaces this module when it builds an embed, after building the language files, so the embed
// carries their hashes. An embed lists the parts it needs: only the callbacks embed has `callback`.
export const LANGUAGE_FILES: Readonly<
  Record<string, Partial<Record<'catalog' | 'callback', readonly [file: string, integrity: string]>>>
> = {};
