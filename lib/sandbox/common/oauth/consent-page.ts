import 'server-only';
import { html } from '@/lib/server/html';
import { htmlPage } from '../html';
import type { AuthorizeRequest } from './authorize-request';

export const SANDBOX_APP_NAME = 'Integrations Hub (sandbox)';

/** The provider's consent screen: who asks, for what, and Allow / Deny. */
export function consentPage(providerName: string, formAction: string, request: AuthorizeRequest): Response {
  const redirectOrigin = new URL(request.redirectUri).origin;
  const scopes =
    request.scopes.length > 0
      ? html`<p class="muted">It asks for these permissions:</p>
<ul class="scopes">${request.scopes.map((scope) => html`<li>${scope}</li>`)}</ul>`
      : html`<p class="muted">It will be able to read the content you share with it.</p>`;
  const hidden = request.params.map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`);
  return htmlPage({
    title: `Connect ${SANDBOX_APP_NAME} to ${providerName}`,
    formActionSources: [redirectOrigin],
    body: html`<span class="badge">${providerName} sandbox</span>
<h1>${SANDBOX_APP_NAME} wants to connect to your ${providerName} account</h1>
${scopes}
<p class="muted">Allowing creates a new sandbox ${providerName} account filled with demo data.
You will be sent back to <code>${redirectOrigin}</code>.</p>
<form method="post" action="${formAction}">
${hidden}
<div class="actions">
<button type="submit" name="decision" value="deny">Deny</button>
<button type="submit" name="decision" value="allow" class="primary">Allow</button>
</div>
</form>`,
  });
}
