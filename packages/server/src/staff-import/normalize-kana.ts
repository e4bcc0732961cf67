const halfWidthKana = /[\uFF61-\uFF9F]+/g;

/**
 * Turns half-width katakana (ｶﾅ, as payroll systems often export) into full-width, joining voiced
 * marks (ﾀﾞ → ダ). Hiragana and full-width katakana are kept as written: we do not convert one into
 * the other, so the reading shows as HR typed it.
 */
export function normalizeKana(text: string): string {
  return text.replace(halfWidthKana, (run) => run.normalize("NFKC"));
}
