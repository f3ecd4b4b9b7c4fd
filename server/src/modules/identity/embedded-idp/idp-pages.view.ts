import { type Language, languageSchema } from '../../../../../shared/src/platform/language.ts';
import { type IdpMessages, idpMessages, languageNames } from './idp.messages.ts';

/** Which login page: residents (the portal's client) or staff (the staff workspace's client). */
export type IdpAudience = 'resident' | 'staff';

/** One person on the login page. */
export type LoginPageAccount = { sub: string; name: string; description: string };

/** Escapes a value for HTML text and for a double- or single-quoted attribute. */
export const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);

/**
 * The policy of the provider's own pages: nothing from elsewhere, the one inline style and script
 * allowed by a per-response nonce, and forms that may end (after the provider's redirects) at the
 * clients' registered origins, which browsers check for `form-action` too.
 */
export const pageContentSecurityPolicy = (nonce: string, formTargets: readonly string[]): string =>
  [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    "img-src 'self' data:",
    `form-action 'self'${formTargets.map((origin) => ` ${origin}`).join('')}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');

// Colours reach at least 4.5:1 on their background; targets are at least 44 px high; sizes are in
// rem and the layout is one fluid column, so the page works at 360 px wide and at 200% zoom.
const styles = `
*,*::before,*::after{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:100%;line-height:1.5;color:#1b1b1b;background:#fff}
body{margin:0}
.site{border-bottom:1px solid #6b6b6b;padding:.75rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;justify-content:space-between}
.site-name{margin:0;font-weight:700}
.languages ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
.languages a{display:inline-block;padding:.5rem .25rem;min-height:2.75rem;line-height:1.75rem}
.languages a[aria-current]{font-weight:700;text-decoration:none}
main{max-width:40rem;margin:0 auto;padding:1rem}
h1{font-size:1.75rem;line-height:1.25;margin:1rem 0 .5rem}
a{color:#004c99;text-decoration-thickness:.0625rem;text-underline-offset:.15em}
a:hover{text-decoration-thickness:.125rem}
.demo{background:#fff4ce;border-left:.5rem solid #8a5300;padding:.75rem 1rem;margin:1rem 0}
.badge{display:inline-block;background:#8a5300;color:#fff;padding:0 .5rem;margin-right:.5rem;border-radius:.25rem;text-transform:uppercase;letter-spacing:.05em}
.accounts{list-style:none;margin:1rem 0;padding:0;display:grid;gap:.75rem}
.accounts form{margin:0}
button{font:inherit;color:inherit;cursor:pointer}
.account{display:block;width:100%;min-height:2.75rem;text-align:left;background:#fff;border:2px solid #1b1b1b;border-radius:.375rem;padding:.75rem 1rem}
.account:hover{background:#eef3f8}
.account .name{display:block;font-weight:700;font-size:1.125rem}
.account .description{display:block;color:#3d3d3d}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;margin:1.5rem 0}
.primary,.secondary{min-height:2.75rem;padding:.625rem 1.25rem;border-radius:.375rem;border:2px solid #004c99}
.primary{background:#004c99;color:#fff}
.secondary{background:#fff;color:#004c99}
.code{color:#3d3d3d}
a:focus-visible,button:focus-visible{outline:3px solid #004c99;outline-offset:3px;box-shadow:0 0 0 6px #fff}
@media (forced-colors:active){.account,.primary,.secondary{border:2px solid ButtonText}}
`;

type Shell = { lang: Language; title: string; nonce: string; body: string; languageHref?: (lang: Language) => string };

const page = ({ lang, title, nonce, body, languageHref }: Shell): string => {
  const t = idpMessages[lang];
  const languages = languageHref
    ? `<nav class="languages" aria-label="${escapeHtml(t.languageNav)}"><ul>${languageSchema.options
        .map(
          (other) =>
            `<li><a href="${escapeHtml(languageHref(other))}" lang="${other}" hreflang="${other}"${other === lang ? ' aria-current="true"' : ''}>${escapeHtml(languageNames[other])}</a></li>`,
        )
        .join('')}</ul></nav>`
    : '';
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(title)} – ${escapeHtml(t.siteName)}</title>
<style nonce="${escapeHtml(nonce)}">${styles}</style>
</head>
<body>
<header class="site"><p class="site-name">${escapeHtml(t.siteName)}</p>${languages}</header>
<main>
<p class="demo"><strong class="badge">${escapeHtml(t.demoLabel)}</strong>${escapeHtml(t.demoNotice)}</p>
${body}
</main>
</body>
</html>`;
};

/** What the login page shows and where its forms and links go. */
export type LoginPageInput = {
  lang: Language;
  audience: IdpAudience;
  accounts: readonly LoginPageAccount[];
  /** The POST target of each account's form. */
  loginAction: string;
  /** The link that cancels the login (access_denied back to the client). */
  cancelHref: string;
  /** The same page in another language. */
  languageHref: (lang: Language) => string;
  nonce: string;
};

/**
 * The login page: one button per demo person (a POST form each, so the choice is one activation
 * with the keyboard, a pointer or a switch), the demo warning first, and a way back.
 */
export const renderLoginPage = (input: LoginPageInput): string => {
  const t = idpMessages[input.lang];
  const heading = t.loginHeading[input.audience];
  const list =
    input.accounts.length === 0
      ? `<p>${escapeHtml(t.noAccounts)}</p>`
      : `<ul class="accounts" aria-label="${escapeHtml(t.accountsLabel)}">${input.accounts
          .map(
            (account) =>
              `<li><form method="post" action="${escapeHtml(input.loginAction)}"><input type="hidden" name="sub" value="${escapeHtml(account.sub)}"><input type="hidden" name="lang" value="${input.lang}"><button type="submit" class="account"><span class="name">${escapeHtml(account.name)}</span><span class="description">${escapeHtml(account.description)}</span></button></form></li>`,
          )
          .join('')}</ul>`;
  return page({
    lang: input.lang,
    title: heading,
    nonce: input.nonce,
    languageHref: input.languageHref,
    body: `<h1>${escapeHtml(heading)}</h1>
<p>${escapeHtml(t.loginIntro[input.audience])}</p>
${list}
<p><a href="${escapeHtml(input.cancelHref)}">${escapeHtml(t.cancel)}</a></p>`,
  });
};

/** An information or error page: a heading, a sentence and, for errors, the code to quote. */
export const renderMessagePage = (input: { lang: Language; heading: string; text: string; code?: string; nonce: string }): string => {
  const t: IdpMessages = idpMessages[input.lang];
  const code = input.code ? `\n<p class="code">${escapeHtml(t.errorCode)}: <code>${escapeHtml(input.code)}</code></p>` : '';
  return page({
    lang: input.lang,
    title: input.heading,
    nonce: input.nonce,
    body: `<h1>${escapeHtml(input.heading)}</h1>\n<p>${escapeHtml(input.text)}</p>${code}`,
  });
};

/**
 * The logout confirmation. `providerForm` is oidc-provider's own hidden form (its action and
 * anti-forgery token), which the buttons submit. With `automatic`, a nonce'd script presses "yes"
 * at once; without script the page stays a plain question with two buttons.
 */
export const renderLogoutPage = (input: { lang: Language; providerForm: string; automatic: boolean; nonce: string }): string => {
  const t = idpMessages[input.lang];
  const formId = /\bid="([^"]+)"/.exec(input.providerForm)?.[1] ?? 'op.logoutForm';
  const script = input.automatic ? `\n<script nonce="${escapeHtml(input.nonce)}">document.getElementById('logout-yes').click();</script>` : '';
  return page({
    lang: input.lang,
    title: t.logoutHeading,
    nonce: input.nonce,
    body: `<h1>${escapeHtml(t.logoutHeading)}</h1>
<p>${escapeHtml(input.automatic ? t.logoutAutomatic : t.logoutQuestion)}</p>
${input.providerForm}
<div class="actions"><button type="submit" class="primary" id="logout-yes" form="${escapeHtml(formId)}" name="logout" value="yes">${escapeHtml(t.logoutYes)}</button><button type="submit" class="secondary" form="${escapeHtml(formId)}">${escapeHtml(t.logoutNo)}</button></div>${script}`,
  });
};
