// Small server-rendered pages of the web UI: what a portal link that cannot be opened shows
// (expired, revoked, altered), and what /dashboard shows when the UI is not built. Plain HTML
// with inline styles only: they must render without the app's assets, also inside an iframe.

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] as string);

export function messagePage(title: string, paragraphs: string[]): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escape(title)} · Roster</title>
<style>
  :root { color-scheme: light; font-family: ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #f6f7f9; color: #1d2330; }
  main { max-width: 28rem; margin: 2rem; padding: 2rem 2.25rem; background: #fff; border: 1px solid #e3e6ec; border-radius: 12px; box-shadow: 0 1px 2px rgba(16,24,40,.06); }
  .mark { width: 40px; height: 40px; border-radius: 10px; background: #fdecec; color: #b42318; display: grid; place-items: center; font-weight: 700; font-size: 20px; margin-bottom: 1rem; }
  h1 { font-size: 1.25rem; margin: 0 0 .5rem; }
  p { color: #4a5468; line-height: 1.55; margin: .5rem 0 0; }
</style></head>
<body><main role="alert"><div class="mark" aria-hidden="true">!</div><h1>${escape(title)}</h1>${paragraphs.map((text) => `<p>${escape(text)}</p>`).join('')}</main></body></html>`;
}
