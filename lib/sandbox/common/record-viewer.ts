import 'server-only';
import type { EmulatorContext } from './emulator';
import { html } from '@/lib/server/html';
import { htmlPage } from './html';

/** `/sandbox/{id}/ui/...`: the sandbox stand-in for the provider's record page. */
export function recordViewerPage(ctx: EmulatorContext, path: string[]): Response {
  const { definition, state } = ctx;
  const view = definition.viewRecord(path, state);
  if (!view) {
    return htmlPage({
      title: `Not found · ${definition.displayName} sandbox`,
      status: 404,
      body: html`<div class="error"><span class="badge">${definition.displayName} sandbox</span>
<h1>Record not found</h1><p>Nothing in the ${definition.displayName} sandbox lives at <code>/${path.join('/')}</code>.</p></div>`,
    });
  }
  return htmlPage({
    title: `${view.title} · ${definition.displayName} sandbox`,
    wide: true,
    body: html`<span class="badge">${definition.displayName} sandbox · ${view.kind}</span>
<h1>${view.title}</h1>
<table>${view.fields.map(([label, value]) => html`<tr><th>${label}</th><td>${value ?? html`<span class="muted">—</span>`}</td></tr>`)}</table>`,
  });
}
