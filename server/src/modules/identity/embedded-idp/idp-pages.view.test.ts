import { describe, expect, it } from 'vitest';
import { escapeHtml, pageContentSecurityPolicy, renderLoginPage, renderLogoutPage, renderMessagePage } from './idp-pages.view.ts';

const hostile = `"><script>alert('x')</script>&`;

const login = (overrides: Partial<Parameters<typeof renderLoginPage>[0]> = {}) =>
  renderLoginPage({
    lang: 'nl',
    audience: 'resident',
    accounts: [
      { sub: 'resident-pieter', name: 'Pieter Vandenberghe', description: 'Gezin met twee kinderen, Bavikhove' },
      { sub: hostile, name: hostile, description: hostile },
    ],
    loginAction: `/idp/interaction/abc/login?x=${hostile}`,
    cancelHref: '/idp/interaction/abc/abort?lang=nl',
    languageHref: (lang) => `/idp/interaction/abc?lang=${lang}`,
    nonce: 'n0nce',
    ...overrides,
  });

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and in quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(escapeHtml('Désirée Van den Bossche – Hulste')).toBe('Désirée Van den Bossche – Hulste');
  });
});

describe('the login page', () => {
  it('escapes every value it shows or submits', () => {
    const html = login();
    expect(html).not.toContain('<script>');
    expect(html).not.toContain(hostile);
    expect(html).not.toContain(`alert('x')`);
    expect(html).toContain('&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;');
  });

  it('has a language, a title, one h1, a named language switch and the demo warning first', () => {
    const html = login();
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="nl">/);
    expect(html).toContain('<title>Aanmelden als inwoner – Demo-identiteitsprovider</title>');
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toContain('<nav class="languages" aria-label="Taal">');
    expect(html).toContain('<a href="/idp/interaction/abc?lang=fr" lang="fr" hreflang="fr">Français</a>');
    expect(html).toContain('lang="nl" hreflang="nl" aria-current="true">Nederlands</a>');
    expect(html.indexOf('class="demo"')).toBeLessThan(html.indexOf('<h1>'));
    expect(html).toContain('Gebruik dit nooit voor echte gegevens.');
  });

  it('makes each person one button in a POST form, and offers a way back', () => {
    const html = login();
    expect(html).toContain(
      '<form method="post" action="/idp/interaction/abc/login?x=&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;"><input type="hidden" name="sub" value="resident-pieter"><input type="hidden" name="lang" value="nl"><button type="submit" class="account"><span class="name">Pieter Vandenberghe</span><span class="description">Gezin met twee kinderen, Bavikhove</span></button></form>',
    );
    expect(html).toContain('<a href="/idp/interaction/abc/abort?lang=nl">Annuleren en teruggaan</a>');
  });

  it('is styled only through its nonce, with visible focus and large targets', () => {
    const html = login();
    expect(html).toContain('<style nonce="n0nce">');
    expect(html).not.toMatch(/ style="/);
    expect(html).toMatch(/:focus-visible\{outline:3px solid/);
    expect(html).toMatch(/min-height:2\.75rem/);
  });

  it('speaks French and English, for residents and for staff', () => {
    expect(login({ lang: 'fr' })).toContain('<h1>Se connecter comme habitant</h1>');
    expect(login({ lang: 'en', audience: 'staff' })).toContain('<h1>Log in as a staff member</h1>');
    expect(login({ lang: 'en', accounts: [] })).toContain('There are no demo people to choose from.');
  });
});

describe('the logout page', () => {
  const providerForm =
    '<form id="op.logoutForm" method="post" action="http://127.0.0.1/idp/session/end/confirm"><input type="hidden" name="xsrf" value="s3cret"/></form>';

  it('presses "yes" by itself when the client sent the person, with a nonce’d script', () => {
    const html = renderLogoutPage({ lang: 'nl', providerForm, automatic: true, nonce: 'n0nce' });
    expect(html).toContain(providerForm);
    expect(html).toContain('<button type="submit" class="primary" id="logout-yes" form="op.logoutForm" name="logout" value="yes">Ja, afmelden</button>');
    expect(html).toContain(`<script nonce="n0nce">document.getElementById('logout-yes').click();</script>`);
  });

  it('only asks otherwise', () => {
    const html = renderLogoutPage({ lang: 'fr', providerForm, automatic: false, nonce: 'n0nce' });
    expect(html).not.toContain('<script');
    expect(html).toContain('Non, rester connecté');
  });
});

describe('the message page and the policy', () => {
  it('shows an escaped error code', () => {
    const html = renderMessagePage({ lang: 'en', heading: 'Logging in did not work', text: 'Try again.', code: `invalid_request (${hostile})`, nonce: 'n' });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Error code: <code>invalid_request (&quot;&gt;&lt;script&gt;');
  });

  it('allows only the nonce and forms towards the clients', () => {
    expect(pageContentSecurityPolicy('abc', ['https://app.example'])).toBe(
      "default-src 'none'; style-src 'nonce-abc'; script-src 'nonce-abc'; img-src 'self' data:; form-action 'self' https://app.example; frame-ancestors 'none'; base-uri 'none'",
    );
  });
});
