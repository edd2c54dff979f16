import 'server-only';
import { html, SafeHtml } from '@/lib/server/html';

const STYLES = `
:root { color-scheme: light dark; --bg:#f5f6fa; --card:#fff; --text:#1d2433; --muted:#5d6677; --line:#e3e6ee;
  --accent:#3b5bdb; --accent-text:#fff; --danger:#c92a2a; }
@media (prefers-color-scheme: dark) { :root { --bg:#14161c; --card:#1e212a; --text:#e8eaf0; --muted:#9aa3b5;
  --line:#2e3340; --accent:#5c7cfa; } }
* { box-sizing: border-box; }
body { margin:0; min-height:100vh; display:flex; align-items:flex-start; justify-content:center; padding:48px 16px;
  background:var(--bg); color:var(--text); font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif; }
main { width:100%; max-width:560px; background:var(--card); border:1px solid var(--line); border-radius:14px;
  padding:28px 32px; box-shadow:0 8px 30px rgba(20,30,60,.08); }
main.wide { max-width:820px; }
h1 { font-size:22px; margin:0 0 6px; line-height:1.3; word-break:break-word; }
p { margin:8px 0; }
.muted { color:var(--muted); }
.badge { display:inline-block; font-size:12px; font-weight:600; letter-spacing:.02em; text-transform:uppercase;
  padding:2px 8px; border-radius:999px; background:rgba(59,91,219,.12); color:var(--accent); margin-bottom:14px; }
ul.scopes { list-style:none; padding:0; margin:16px 0; border:1px solid var(--line); border-radius:10px; }
ul.scopes li { padding:10px 14px; border-top:1px solid var(--line); font-family:ui-monospace,Menlo,Consolas,monospace; font-size:13px; }
ul.scopes li:first-child { border-top:0; }
.actions { display:flex; gap:12px; justify-content:flex-end; margin-top:24px; }
button { font:inherit; font-weight:600; border-radius:8px; padding:10px 20px; cursor:pointer; border:1px solid var(--line);
  background:transparent; color:var(--text); }
button.primary { background:var(--accent); border-color:var(--accent); color:var(--accent-text); }
button:focus-visible { outline:3px solid rgba(59,91,219,.45); outline-offset:2px; }
table { width:100%; border-collapse:collapse; margin-top:16px; }
th, td { text-align:left; vertical-align:top; padding:8px 10px; border-top:1px solid var(--line); word-break:break-word; }
th { width:32%; color:var(--muted); font-weight:500; }
.error h1 { color:var(--danger); }
code { font-family:ui-monospace,Menlo,Consolas,monospace; font-size:13px; }
`;

export interface PageOptions {
  title: string;
  body: SafeHtml;
  status?: number;
  wide?: boolean;
  /** Extra CSP form-action sources (e.g. the OAuth redirect origin). */
  formActionSources?: string[];
}

/** A self-contained HTML page (no scripts, no external resources) with its own strict CSP. */
export function htmlPage({ title, body, status = 200, wide = false, formActionSources = [] }: PageOptions): Response {
  const document = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${title}</title><style>${new SafeHtml(STYLES)}</style></head>
<body><main class="${wide ? 'wide' : ''}">${body}</main></body></html>`;
  const formAction = ["'self'", ...formActionSources].join(' ');
  return new Response(document.value, {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Content-Security-Policy': `default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action ${formAction}; base-uri 'none'; frame-ancestors 'none'`,
    },
  });
}

/** A page that explains an error, without redirecting anywhere. */
export function errorPage(title: string, message: string, status: number): Response {
  return htmlPage({
    title,
    status,
    body: html`<div class="error"><span class="badge">Sandbox</span><h1>${title}</h1><p>${message}</p></div>`,
  });
}
