import { kioskPageScript } from "./kiosk-page-script";
import { kioskPageStyle } from "./kiosk-page-style";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** The one self-contained page a kiosk browser shows full screen: no external assets at all. */
export function renderKioskPage(title: string): string {
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1,user-scalable=no">
<title>${escapeHtml(title)}</title>
<style>${kioskPageStyle}</style>
</head>
<body>
<main id="view" aria-live="polite" data-view="starting"><div class="message info">起動中…<small>Starting…</small></div></main>
<div id="connection" role="status" hidden>端末の処理に接続しています…<small>Reconnecting to the terminal…</small></div>
<noscript><div class="message error">JavaScript を有効にしてください<small>Please enable JavaScript</small></div></noscript>
<script>${kioskPageScript}</script>
</body>
</html>
`;
}
