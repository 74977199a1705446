// Przegląd decyzji dla audytorów i pracowników merytorycznych: wyszukiwanie, uzasadnienie, odtworzenie, wydruk.
// Czysty JavaScript bez bibliotek; wszystkie dane z API /api/v1 z tokenem Bearer (sessionStorage).
(function () {
  'use strict';
  const main = document.getElementById('tresc');
  const zl = new Intl.NumberFormat('pl-PL', { style: 'currency', currency: 'PLN' });
  const WYNIK = { GRANTED: 'przyznano', REFUSED: 'odmówiono' };

  function token() { return sessionStorage.getItem('token') || ''; }

  async function api(path, options) {
    const o = options || {};
    o.headers = Object.assign({ 'Authorization': 'Bearer ' + token() }, o.headers || {});
    const r = await fetch(path, o);
    const type = r.headers.get('Content-Type') || '';
    const body = type.includes('json') ? await r.json() : await r.text();
    if (!r.ok) {
      const msg = body && body.detail ? body.detail : ('HTTP ' + r.status);
      const err = new Error(r.status === 401 ? 'Brak ważnego tokenu: wpisz token dostępu.' :
        r.status === 403 ? 'Twoja rola nie pozwala na tę czynność.' : msg);
      err.status = r.status; err.body = body;
      throw err;
    }
    return body;
  }

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (k === 'text') e.textContent = v; else if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
    });
    children.flat().forEach(c => e.append(c instanceof Node ? c : document.createTextNode(String(c))));
    return e;
  }

  function show(...nodes) { main.replaceChildren(...nodes); main.focus(); }
  function error(e) { return el('p', { class: 'komunikat blad', role: 'alert', text: e.message }); }

  // ------------------------------------------------------------------ token
  document.getElementById('token').value = token();
  document.getElementById('logowanie').addEventListener('submit', ev => {
    ev.preventDefault();
    sessionStorage.setItem('token', document.getElementById('token').value.trim());
    document.getElementById('token-stan').textContent = 'Token zapisany.';
    route();
  });
  document.getElementById('token-dev').addEventListener('click', async () => {
    const r = await fetch('/dev/token?roles=auditor,policy&sub=audytor-ui');
    if (!r.ok) { document.getElementById('token-stan').textContent = 'Token deweloperski jest dostępny tylko w trybie deweloperskim.'; return; }
    const t = await r.text();
    sessionStorage.setItem('token', t);
    document.getElementById('token').value = t;
    document.getElementById('token-stan').textContent = 'Token deweloperski zapisany.';
    route();
  });

  // ------------------------------------------------------------------ decisions: search
  async function searchPage(params) {
    const form = el('form', { class: 'szukaj', id: 'szukaj', role: 'search', 'aria-label': 'Wyszukiwanie decyzji' });
    const benefit = el('select', { id: 'f-benefit', name: 'benefit' }, el('option', { value: '', text: '(wszystkie)' }));
    form.append(
      el('div', {}, el('label', { for: 'f-id', text: 'Identyfikator decyzji' }), el('input', { id: 'f-id', name: 'id', size: 36 })),
      el('div', {}, el('label', { for: 'f-benefit', text: 'Świadczenie' }), benefit),
      el('div', {}, el('label', { for: 'f-from', text: 'Data prawna od' }), el('input', { id: 'f-from', name: 'from', type: 'date' })),
      el('div', {}, el('label', { for: 'f-to', text: 'Data prawna do' }), el('input', { id: 'f-to', name: 'to', type: 'date' })),
      el('div', {}, el('label', { for: 'f-outcome', text: 'Rozstrzygnięcie' }),
        el('select', { id: 'f-outcome', name: 'outcome' }, el('option', { value: '', text: '(wszystkie)' }),
          el('option', { value: 'GRANTED', text: 'przyznano' }), el('option', { value: 'REFUSED', text: 'odmówiono' }))),
      el('div', {}, el('label', { for: 'f-pesel', text: 'PESEL członka rodziny' }), el('input', { id: 'f-pesel', name: 'pesel', inputmode: 'numeric', autocomplete: 'off' })),
      el('div', {}, el('button', { type: 'submit', id: 'szukaj-przycisk', text: 'Szukaj' })));
    const wyniki = el('div', { id: 'wyniki', 'aria-live': 'polite' });
    show(el('h2', { text: 'Decyzje' }), form, wyniki);
    try {
      const rs = await api('/api/v1/rulesets');
      [...new Set(rs.rulesets.filter(r => r.status === 'released').map(r => r.benefit))].sort()
        .forEach(b => benefit.append(el('option', { value: b, text: b })));
    } catch (e) { wyniki.replaceChildren(error(e)); return; }
    Object.entries(params).forEach(([k, v]) => { const f = form.elements.namedItem(k); if (f) f.value = v; });
    form.addEventListener('submit', ev => {
      ev.preventDefault();
      const q = new URLSearchParams();
      ['id', 'benefit', 'from', 'to', 'outcome', 'pesel'].forEach(k => { const v = form.elements.namedItem(k).value.trim(); if (v) q.set(k, v); });
      if (q.get('id')) { location.hash = '#/decyzja/' + encodeURIComponent(q.get('id')); return; }
      location.hash = '#/decyzje?' + q.toString();
    });
    if (Object.keys(params).length) await results(params, wyniki);
  }

  async function results(params, target) {
    const q = new URLSearchParams(params); q.set('size', '50');
    try {
      const page = await api('/api/v1/decisions?' + q.toString());
      if (!page.items.length) { target.replaceChildren(el('p', { text: 'Brak decyzji spełniających warunki.' })); return; }
      const rows = page.items.map(d => el('tr', {},
        el('td', {}, el('a', { href: '#/decyzja/' + d.id, text: d.id })),
        el('td', { text: d.benefit }), el('td', { text: d.legalDate }),
        el('td', { class: 'wynik-' + d.outcome, text: WYNIK[d.outcome] || d.outcome }),
        el('td', { text: zl.format(d.amounts.total) }), el('td', { text: d.rulesetId })));
      target.replaceChildren(el('p', { text: 'Znaleziono: ' + page.total }),
        el('table', {}, el('caption', { text: 'Wyniki wyszukiwania' }),
          el('thead', {}, el('tr', {}, ['Decyzja', 'Świadczenie', 'Data prawna', 'Rozstrzygnięcie', 'Kwota', 'Wersja przepisów'].map(h => el('th', { scope: 'col', text: h })))),
          el('tbody', {}, rows)));
    } catch (e) { target.replaceChildren(error(e)); }
  }

  // ------------------------------------------------------------------ one decision: justification, replay, print
  async function decisionPage(id) {
    let d, req;
    try {
      d = await api('/api/v1/decisions/' + encodeURIComponent(id));
      req = await api('/api/v1/decisions/' + encodeURIComponent(id) + '/request');
    } catch (e) { show(el('h2', { text: 'Decyzja ' + id }), error(e)); return; }
    const w = req.wniosek || {};
    const osoby = (w.czlonkowieRodziny || []).map(c => el('li', { text: c.id + ' – ' + c.rola + ', ur. ' + c.dataUrodzenia }));
    const fakty = d.explanation.filter(s => /fakty|liczba|dochod|okres|wiek|rodzin/i.test(s.ruleId) && !/kryterium|przyznanie|odmowa|kwota/i.test(s.ruleId));
    const prawo = d.explanation.filter(s => !fakty.includes(s));
    const krok = s => el('li', { class: 'krok' },
      el('p', { text: s.textPl }),
      el('p', { class: 'podstawa' }, 'Podstawa prawna: ', s.legalBasis.text),
      s.parameters && s.parameters.length ? el('p', { class: 'podstawa' }, 'Wartości z przepisów: ',
        s.parameters.map(p => p.name + ' = ' + p.value + ' ' + (p.unit || '')).join('; ')) : '');
    const replayOut = el('div', { id: 'odtworzenie', 'aria-live': 'polite' });
    show(
      el('p', { class: 'bez-druku' }, el('a', { href: '#/decyzje', text: '← Wyszukiwanie' })),
      el('h2', { text: 'Decyzja ' + d.id }),
      el('table', {}, el('caption', { text: 'Rozstrzygnięcie' }), el('tbody', {},
        el('tr', {}, el('th', { scope: 'row', text: 'Świadczenie' }), el('td', { text: d.benefit })),
        el('tr', {}, el('th', { scope: 'row', text: 'Data prawna' }), el('td', { text: d.legalDate })),
        el('tr', {}, el('th', { scope: 'row', text: 'Rozstrzygnięcie' }), el('td', { id: 'rozstrzygniecie', class: 'wynik-' + d.outcome, text: WYNIK[d.outcome] || d.outcome })),
        el('tr', {}, el('th', { scope: 'row', text: 'Kwota łącznie' }), el('td', { id: 'kwota', text: zl.format(d.amounts.total) })),
        el('tr', {}, el('th', { scope: 'row', text: 'Wersja przepisów' }), el('td', { text: d.rulesetId + ' (SHA-256 ' + d.rulesetSha256.slice(0, 12) + '…)' })),
        el('tr', {}, el('th', { scope: 'row', text: 'Zapisano' }), el('td', { text: d.createdAt })))),
      el('h3', { text: 'Gospodarstwo domowe' }),
      el('p', { text: 'Wniosek złożony ' + w.dataZlozenia + (w.dochodRodzinyRokBazowy != null ? ', dochód rodziny w roku bazowym ' + zl.format(w.dochodRodzinyRokBazowy) : '') }),
      el('ul', {}, osoby),
      el('section', { 'aria-labelledby': 'uzasadnienie' },
        el('h3', { id: 'uzasadnienie', text: 'Uzasadnienie' }),
        el('h4', { text: 'Ustalenia faktyczne' }), el('ol', { class: 'kroki' }, fakty.map(krok)),
        el('h4', { text: 'Ocena prawna' }), el('ol', { class: 'kroki' }, prawo.map(krok))),
      el('p', { class: 'bez-druku' },
        el('button', { type: 'button', id: 'odtworz', onclick: () => replay(d.id, replayOut), text: 'Odtwórz decyzję' }), ' ',
        el('button', { type: 'button', class: 'drugi', id: 'drukuj', onclick: () => printable(d.id), text: 'Wersja do druku' })),
      replayOut);
  }

  async function replay(id, target) {
    target.replaceChildren(el('p', { text: 'Odtwarzanie…' }));
    try {
      const r = await api('/api/v1/decisions/' + encodeURIComponent(id) + '/replay', { method: 'POST' });
      if (r.status === 'IDENTICAL') {
        target.replaceChildren(el('p', { class: 'komunikat ok', role: 'status', id: 'wynik-odtworzenia',
          text: 'IDENTYCZNA: ponowne obliczenie według wersji ' + r.rulesetId + ' dało ten sam wynik, bajt po bajcie'
            + (r.rulesetHashMatches ? ' (skrót plików wersji zgodny).' : ' (UWAGA: skrót plików wersji jest inny).') }));
      } else {
        target.replaceChildren(el('p', { class: 'komunikat blad', role: 'status', id: 'wynik-odtworzenia', text: 'RÓŻNA: wynik różni się od zapisanego.' }),
          el('table', {}, el('caption', { text: 'Różnice' }),
            el('thead', {}, el('tr', {}, ['Pole', 'Zapisano', 'Obecnie'].map(h => el('th', { scope: 'col', text: h })))),
            el('tbody', {}, r.differences.map(x => el('tr', {}, el('td', { text: x.path }), el('td', { text: JSON.stringify(x.stored) }), el('td', { text: JSON.stringify(x.replayed) }))))));
      }
    } catch (e) { target.replaceChildren(error(e)); }
  }

  async function printable(id) {
    try {
      const html = await api('/api/v1/decisions/' + encodeURIComponent(id) + '/document');
      const win = window.open('', '_blank');
      if (win) { win.document.open(); win.document.write(html); win.document.close(); }
    } catch (e) { main.append(error(e)); }
  }

  // ------------------------------------------------------------------ routing
  function route() {
    const h = location.hash || '#/decyzje';
    const [path, query] = h.slice(1).split('?');
    const params = Object.fromEntries(new URLSearchParams(query || ''));
    if (path.startsWith('/decyzja/')) { decisionPage(decodeURIComponent(path.slice('/decyzja/'.length))); }
    else { searchPage(params); }
  }
  window.addEventListener('hashchange', route);
  route();
})();
