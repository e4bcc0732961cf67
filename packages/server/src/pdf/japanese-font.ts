import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** BIZ UDPGothic (SIL OFL), embedded as a subset in every printed form, so no system font is needed. */
export const japaneseFontPath = require.resolve(
  "@expo-google-fonts/biz-udpgothic/400Regular/BIZUDPGothic_400Regular.ttf",
);
export const japaneseFontName = "BIZUDPGothic";
