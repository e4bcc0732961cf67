/** A path on the server, keeping any base path the configured URL has (https://host/tobira/…). */
export function resolveServerUrl(server: string, path: string, socket = false): URL {
  const url = new URL(server);
  url.pathname = `${url.pathname.replace(/\/+$/, "")}${path}`;
  if (socket) url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return url;
}
