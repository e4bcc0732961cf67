import { en } from "../../i18n/en";
import type { Language, Translate } from "../../i18n/i18n";
import { ja } from "../../i18n/ja";

/** A `t` over the real dictionaries, for tests of helpers that word things. */
export function translateIn(language: Language): Translate {
  const dictionary = language === "ja" ? ja : en;
  return (key, params) =>
    dictionary[key].replace(/\{(\w+)\}/g, (match, name: string) => {
      const value = params?.[name];
      return value === undefined ? match : String(value);
    });
}
