// Przegląd decyzji dla audytorów i pracowników merytorycznych: wyszukiwanie, uzasadnienie, odtworzenie, wydruk.
// Czysty JavaScript bez bibliotek; wszystkie dane z API /api/v1 z tokenem Bearer (sessionStorage).
(function () {
  'use strict';
  const main = document.getElementById('tresc');
  // Kwoty jak w decyzji: 1 406,60 zł – spacja (nierozdzielająca) co trzy cyfry także przy czterech cyfrach
  // (Intl 'pl-PL' pisze 1488,00), przecinek dziesiętny, zawsze dwa miejsca po przecinku.
  function kwota(v) {
    const n = Number(v);
    const [i, f] = Math.abs(n).toFixed(2).split('.');
    return (n < 0 ? '-' : '') + i.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0') + ',' + f;
  }
  const zl = { format: v => v == null ? '' : kwota(v) + '\u00a0zł' };
  /** A date as a caseworker writes it: 2016-01-01 → 01.01.2016 (a timestamp: date and time). */
  function data(iso) {
    if (!iso) return '';
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(String(iso));
    return m ? m[3] + '.' + m[2] + '.' + m[1] + (m[4] ? ', ' + m[4] + ':' + m[5] : '') : String(iso);
  }
  const WYNIK = { GRANTED: 'przyznano', REFUSED: 'odmówiono' };
  /** Roles in a family as the application form names them (rules/wspolne/nazwy.yaml, roles). */
  const ROLA = { WNIOSKODAWCA: 'wnioskodawca', MALZONEK: 'małżonek', RODZIC_DZIECKA: 'rodzic dziecka', DZIECKO: 'dziecko' };
  /** An outcome and its total as a caseworker writes them: „przyznano, 1 406,60 zł”. */
  function wynik(outcome, total) {
    const o = outcome == null ? 'brak rozstrzygnięcia' : (WYNIK[outcome] || outcome);
    return total == null ? o : o + ', ' + zl.format(total);
  }

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

  /** A parameter's value as policy staff read it: amounts with two decimals and a comma, lists joined. */
  function fmt(v, unit) {
    if (v == null) return '';
    if (Array.isArray(v)) return v.join(', ');
    if (typeof v === 'number' && unit && unit.startsWith('PLN')) return zl.format(v);
    if (typeof v === 'number' && unit === '%') return v.toFixed(2).replace('.', ',') + '%';
    if (typeof v === 'number') return String(v).replace('.', ',');
    return String(v);
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
      const nameOf = {};
      rs.rulesets.forEach(r => { nameOf[r.benefit] = r.name || r.benefit; });
      [...new Set(rs.rulesets.filter(r => r.status === 'released' && r.kind !== 'module').map(r => r.benefit))]
        .sort((a, b) => nameOf[a].localeCompare(nameOf[b], 'pl'))
        .forEach(b => benefit.append(el('option', { value: b, text: nameOf[b] })));
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
        el('td', { text: d.display.pl.benefit }), el('td', { text: d.display.pl.legalDate }),
        el('td', { class: 'wynik-' + d.outcome, text: WYNIK[d.outcome] || d.outcome }),
        el('td', { text: d.display.pl.total }), el('td', { text: d.rulesetId })));
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
    // what people read comes from the decision's view (display.pl): display names, złoty, Polish dates – the same
    // renderer as the printed document
    const v = d.display.pl;
    const osoby = v.persons.map(p => el('li', { text: p }));
    const kroki = d.explanation.map((s, i) => ({ s, v: v.steps[i] }));
    const fakty = kroki.filter(k => /fakty|liczba|dochod|okres|wiek|rodzin/i.test(k.s.ruleId) && !/kryterium|przyznanie|odmowa|kwota/i.test(k.s.ruleId));
    const prawo = kroki.filter(k => !fakty.includes(k));
    const krok = k => el('li', { class: 'krok' },
      el('p', { text: k.v.text }),
      k.v.citation ? el('p', { class: 'podstawa' }, 'Podstawa prawna: ', k.v.citation) : '',
      k.v.parameters.length ? el('p', { class: 'podstawa' }, 'Wartości z przepisów: ', k.v.parameters.join('; ')) : '');
    const replayOut = el('div', { id: 'odtworzenie', 'aria-live': 'polite' });
    show(
      el('p', { class: 'bez-druku' }, el('a', { href: '#/decyzje', text: '← Wyszukiwanie' })),
      el('h2', { text: 'Decyzja ' + d.id }),
      el('table', {}, el('caption', { text: 'Rozstrzygnięcie' }), el('tbody', {},
        el('tr', {}, el('th', { scope: 'row', text: 'Świadczenie' }), el('td', { text: v.benefit })),
        el('tr', {}, el('th', { scope: 'row', text: 'Data prawna' }), el('td', { text: v.legalDate })),
        el('tr', {}, el('th', { scope: 'row', text: 'Rozstrzygnięcie' }), el('td', { id: 'rozstrzygniecie', class: 'wynik-' + d.outcome, text: WYNIK[d.outcome] || d.outcome })),
        el('tr', {}, el('th', { scope: 'row', text: 'Kwota łącznie' }), el('td', { id: 'kwota', text: v.total })),
        el('tr', {}, el('th', { scope: 'row', text: 'Wersja przepisów' }), el('td', { text: d.rulesetId + ' (SHA-256 ' + d.rulesetSha256.slice(0, 12) + '…)' })),
        el('tr', {}, el('th', { scope: 'row', text: 'Zapisano' }), el('td', { text: data(d.createdAt) + ' UTC' })))),
      el('h3', { text: 'Gospodarstwo domowe' }),
      el('p', { text: 'Wniosek złożony ' + data(w.dataZlozenia) + (w.dochodRodzinyRokBazowy != null ? ', dochód rodziny w roku bazowym ' + zl.format(w.dochodRodzinyRokBazowy) : '') }),
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

  // ------------------------------------------------------------------ law: versions on a timeline, parameters, diff
  async function lawPage(benefitParam, versionParam) {
    let all;
    try { all = (await api('/api/v1/rulesets')).rulesets; } catch (e) { show(el('h2', { text: 'Wersje przepisów' }), error(e)); return; }
    const benefits = [...new Set(all.map(r => r.benefit))].sort();
    const benefit = benefitParam || 'zasilek_rodzinny';
    const nameOf = {};
    all.forEach(r => { nameOf[r.benefit] = r.name || r.benefit; });
    const select = el('select', { id: 'p-benefit' }, benefits.map(b => el('option', { value: b, text: nameOf[b] })));
    select.value = benefit;
    select.addEventListener('change', () => { location.hash = '#/przepisy/' + select.value; });
    const versions = all.filter(r => r.benefit === benefit).sort((a, b) => a.version.localeCompare(b.version));
    const timeline = el('ol', { class: 'os-czasu', 'aria-label': 'Wersje na osi czasu' }, versions.map(v => el('li', { class: v.status },
      el('a', { href: '#/przepisy/' + benefit + '/' + v.version, text: 'od ' + data(v.effectiveFrom) }),
      el('br'), (v.effectiveTo ? 'do ' + data(v.effectiveTo) : '') + (v.status === 'draft' ? ' (projekt)' : ''))));
    const from = el('select', { id: 'd-from' }, versions.map(v => el('option', { value: v.version, text: 'od ' + data(v.version) })));
    const to = el('select', { id: 'd-to' }, versions.map(v => el('option', { value: v.version, text: 'od ' + data(v.version) })));
    if (versions.length > 1) { from.value = versions[versions.length - 2].version; to.value = versions[versions.length - 1].version; }
    const diffOut = el('div', { id: 'roznice', 'aria-live': 'polite' });
    const detail = el('div', { id: 'wersja' });
    show(el('h2', { text: 'Wersje przepisów' }),
      el('p', {}, el('label', { for: 'p-benefit', text: 'Świadczenie' }), select),
      timeline,
      el('form', { id: 'porownaj', 'aria-label': 'Porównanie wersji', onsubmit: ev => { ev.preventDefault(); diff(benefit, from.value, to.value, diffOut); } },
        el('h3', { text: 'Porównaj dwie wersje' }),
        el('label', { for: 'd-from', text: 'Wersja wcześniejsza' }), from,
        el('label', { for: 'd-to', text: 'Wersja późniejsza' }), to, ' ',
        el('button', { type: 'submit', id: 'porownaj-przycisk', text: 'Pokaż różnice' })),
      diffOut, detail);
    // the second time axis: corrections of released law, with when the service took them up (policy staff, auditors)
    api('/api/v1/corrections/' + benefit).then(list => {
      if (!list.length) return;
      const STAN = { CORRECTED: 'poprawiony', ADDED: 'dodany' };
      detail.before(el('section', { id: 'korekty', 'aria-label': 'Korekty wydanych przepisów' },
        el('h3', { text: 'Korekty wydanych przepisów' }),
        el('table', {}, el('caption', { text: 'Który zapis prawa obowiązywał w serwisie od kiedy' }),
          el('thead', {}, el('tr', {}, ['Korekta', 'Stany prawne', 'Status', 'Zgłosił(a)', 'W mocy w serwisie od'].map(h => el('th', { scope: 'col', text: h })))),
          el('tbody', {}, list.map(c => el('tr', {}, el('td', { text: c.comment }),
            el('td', { text: c.states.map(s => 'od ' + data(s.from) + (s.to ? ' do ' + data(s.to) : '') + ' – ' + STAN[s.change]).join('; ') }),
            el('td', { text: c.statusName }), el('td', { text: c.author }),
            el('td', { text: c.publishedAt ? new Date(c.publishedAt).toLocaleString('pl-PL') + ' (' + c.publishedBy + ')' : '—' })))))));
    }).catch(() => { /* the caller's role does not read corrections */ });
    if (versionParam) {
      try {
        const v = await api('/api/v1/rulesets/' + benefit + '/' + versionParam);
        detail.replaceChildren(el('h3', { text: 'Wersja ' + v.ruleset.id + (v.ruleset.status === 'draft' ? ' (projekt)' : '') }),
          el('p', { text: v.manifest.summary || '' }),
          el('table', {}, el('caption', { text: 'Parametry z podstawą prawną' }),
            el('thead', {}, el('tr', {}, ['Parametr', 'Wartość', 'Jednostka', 'Podstawa prawna'].map(h => el('th', { scope: 'col', text: h })))),
            el('tbody', {}, v.parameters.map(p => el('tr', {}, el('td', { text: p.opis + ' (' + p.nazwa + ')' }),
              el('td', { text: fmt(p.wartosc, p.jednostka) }), el('td', { text: p.jednostka }), el('td', { text: p.podstawaPrawna }))))));
        detail.focus && detail.scrollIntoView();
      } catch (e) { detail.replaceChildren(error(e)); }
    }
  }

  async function diff(benefit, a, b, target) {
    target.replaceChildren(el('p', { text: 'Porównywanie (przypadki wzorcowe są liczone według obu wersji)…' }));
    try {
      const d = await api('/api/v1/rulesets/' + benefit + '/diff?from=' + a + '&to=' + b);
      const ZM = { ADDED: 'dodano', REMOVED: 'usunięto', CHANGED: 'zmieniono' };
      target.replaceChildren(el('h3', { text: 'Różnice: wersja od ' + data(d.from.split('/')[1]) + ' → wersja od ' + data(d.to.split('/')[1]) }),
        el('table', { id: 'roznice-parametry' }, el('caption', { text: 'Parametry' }),
          el('thead', {}, el('tr', {}, ['Parametr', 'Zmiana', 'Było', 'Jest', 'Podstawa prawna'].map(h => el('th', { scope: 'col', text: h })))),
          el('tbody', {}, d.parameters.map(p => el('tr', {}, el('td', { text: p.description ? p.description + ' (' + p.name + ')' : p.name }), el('td', { text: ZM[p.change] }),
            el('td', { text: fmt(p.oldValue, p.unit) }), el('td', { text: fmt(p.newValue, p.unit) }),
            el('td', { text: p.newLegalBasis || p.oldLegalBasis || '' }))))),
        el('h4', { text: 'Reguły' }),
        el('ul', { id: 'roznice-reguly' }, d.rules.map(r => el('li', { text: ZM[r.change] + ': ' + r.id + (r.legalBasis ? ' – ' + r.legalBasis : '') }))),
        el('h4', { text: 'Przypadki wzorcowe z innym wynikiem: ' + d.goldenCases.length + ' z ' + d.goldenCasesCompared }),
        el('ul', {}, d.goldenCases.map(c => el('li', { text: c.name + ': ' + wynik(c.oldOutcome, c.oldTotal) + ' → ' + wynik(c.newOutcome, c.newTotal) }))));
    } catch (e) { target.replaceChildren(error(e)); }
  }

  // ------------------------------------------------------------------ impact analysis of a version
  async function impactPage() {
    let all;
    try { all = (await api('/api/v1/rulesets')).rulesets.filter(r => r.status !== undefined); } catch (e) { show(el('h2', { text: 'Analiza skutków' }), error(e)); return; }
    const options = all.sort((a, b) => a.id.localeCompare(b.id)).map(r => el('option', { value: r.id, text: (r.name || r.benefit) + ', wersja od ' + data(r.version) + (r.status === 'draft' ? ' (projekt)' : '') }));
    const version = el('select', { id: 's-wersja' }, options);
    const draft = all.find(r => r.status === 'draft');
    if (draft) version.value = draft.id;
    const out = el('div', { id: 'skutki', 'aria-live': 'polite' });
    const form = el('form', { class: 'szukaj', id: 'skutki-form', 'aria-label': 'Analiza skutków' },
      el('div', {}, el('label', { for: 's-wersja', text: 'Wersja do sprawdzenia' }), version),
      el('div', {}, el('label', { for: 's-od', text: 'Decyzje z datą prawną od' }), el('input', { id: 's-od', type: 'date' })),
      el('div', {}, el('label', { for: 's-do', text: 'do' }), el('input', { id: 's-do', type: 'date' })),
      el('div', {}, el('button', { type: 'submit', id: 'skutki-start', text: 'Uruchom analizę' })));
    form.addEventListener('submit', async ev => {
      ev.preventDefault();
      const [benefit, v] = version.value.split('/');
      const body = { benefit: benefit, version: v };
      if (form.querySelector('#s-od').value) body.legalDateFrom = form.querySelector('#s-od').value;
      if (form.querySelector('#s-do').value) body.legalDateTo = form.querySelector('#s-do').value;
      try {
        let job = await api('/api/v1/impact-analyses', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
        const bar = el('progress', { id: 'postep', max: '100', value: '0', 'aria-label': 'Postęp analizy' });
        const status = el('p', { id: 'postep-opis', role: 'status' });
        out.replaceChildren(bar, status);
        while (job.status === 'RUNNING') {
          await new Promise(r => setTimeout(r, 500));
          job = await api('/api/v1/impact-analyses/' + job.id);
          bar.value = job.total ? Math.round(100 * job.done / job.total) : 0;
          status.textContent = job.done + ' z ' + job.total + ' decyzji, ' + job.decisionsPerSecond + '/s'
            + (job.secondsLeft != null ? ', zostało ok. ' + job.secondsLeft + ' s' : '');
        }
        bar.value = 100;
        status.textContent = 'Zakończono (' + job.status + '): ' + job.done + ' decyzji.';
        impactResult(job, out);
      } catch (e) { out.replaceChildren(error(e)); }
    });
    show(el('h2', { text: 'Analiza skutków zmiany przepisów' }),
      el('p', { text: 'Zapisane decyzje są liczone ponownie według wybranej wersji (także projektu) i porównywane z zapisanymi. Nic nie jest zmieniane.' }),
      form, out);
  }

  function impactResult(job, out) {
    const r = job.result;
    const K = { UNCHANGED: 'bez zmian', AMOUNT_INCREASED: 'wyższa kwota', AMOUNT_DECREASED: 'niższa kwota', OUTCOME_CHANGED: 'inne rozstrzygnięcie', NOT_EVALUABLE: 'nie da się obliczyć' };
    const buckets = r.differenceDistribution;
    const max = Math.max(1, ...buckets.map(b => b.decisions));
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('class', 'wykres'); svg.setAttribute('width', '640'); svg.setAttribute('height', String(24 * buckets.length + 10));
    svg.setAttribute('role', 'img'); svg.setAttribute('aria-label', 'Rozkład różnic kwot: ' + buckets.map(b => b.range + ' zł: ' + b.decisions).join('; '));
    buckets.forEach((b, i) => {
      const t = document.createElementNS(ns, 'text'); t.setAttribute('x', '0'); t.setAttribute('y', String(24 * i + 17)); t.textContent = b.range + ' zł';
      const rect = document.createElementNS(ns, 'rect'); rect.setAttribute('x', '130'); rect.setAttribute('y', String(24 * i + 4));
      rect.setAttribute('height', '16'); rect.setAttribute('width', String(Math.round(420 * b.decisions / max)));
      const n = document.createElementNS(ns, 'text'); n.setAttribute('x', String(136 + Math.round(420 * b.decisions / max))); n.setAttribute('y', String(24 * i + 17)); n.textContent = String(b.decisions);
      svg.append(t, rect, n);
    });
    const rows = Object.entries(r.byKind).map(([k, count]) => {
      const links = (r.examples[k] || []).map(x => el('a', { href: '#/decyzja/' + x.decisionId, text: x.decisionId.slice(0, 8) + '… ' }));
      return el('tr', {}, el('td', { text: K[k] || k }), el('td', { text: String(count) }), el('td', {}, links));
    });
    const head = el('tr', {}, ['Rodzaj', 'Liczba decyzji', 'Przykłady'].map(h => el('th', { scope: 'col', text: h })));
    const table = el('table', { id: 'skutki-rodzaje' }, el('caption', { text: 'Zmiany według rodzaju' }), el('thead', {}, head), el('tbody', {}, rows));
    const changed = Object.entries(r.byKind).filter(([k]) => k !== 'UNCHANGED').reduce((a, [, n]) => a + n, 0);
    const csv = el('button', { type: 'button', id: 'skutki-csv', text: 'Pobierz listę decyzji do wznowienia (CSV, ' + changed + ')' });
    csv.addEventListener('click', async () => {
      try {
        const text = await api('/api/v1/impact-analyses/' + job.id + '/decisions?format=csv', { headers: { 'Accept': 'text/csv' } });
        const a = el('a', { href: URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' })), download: 'analiza-skutkow-' + job.id + '.csv' });
        document.body.append(a); a.click(); a.remove();
      } catch (e) { out.append(error(e)); }
    });
    out.append(table, el('p', { text: 'Suma różnic: ' + kwota(r.sumOfDifferences) + '.' }), csv,
      el('h3', { text: 'Rozkład różnic kwot (nowa − zapisana)' }), svg);
  }

  // ------------------------------------------------------------------ calculator (nothing is stored)
  function calculatorPage() {
    const members = el('div', { id: 'osoby' });
    let n = 0;
    function addPerson(rola, id, born) {
      n++;
      const i = n;
      members.append(el('fieldset', { class: 'osoba' }, el('legend', { text: 'Osoba ' + i }),
        el('div', {}, el('label', { for: 'o-id-' + i, text: 'Oznaczenie' }), el('input', { id: 'o-id-' + i, value: id, required: 'required' })),
        el('div', {}, el('label', { for: 'o-rola-' + i, text: 'Rola' }), (() => { const s = el('select', { id: 'o-rola-' + i },
          Object.entries(ROLA).map(([r, n]) => el('option', { value: r, text: n }))); s.value = rola; return s; })()),
        el('div', {}, el('label', { for: 'o-ur-' + i, text: 'Data urodzenia' }), el('input', { id: 'o-ur-' + i, type: 'date', value: born, required: 'required' })),
        el('div', {}, el('label', { for: 'o-szkola-' + i }, el('input', { id: 'o-szkola-' + i, type: 'checkbox' }), ' uczy się w szkole'))));
    }
    addPerson('WNIOSKODAWCA', 'matka', '1985-02-01');
    addPerson('DZIECKO', 'dziecko1', '2015-06-10');
    const out = el('div', { id: 'kalkulator-wynik', 'aria-live': 'polite' });
    // benefits decided from the household alone are ticked by default; others need their section (JSON below)
    const benefitsBox = el('fieldset', { id: 'k-swiadczenia' }, el('legend', { text: 'Świadczenia' }));
    const benefitName = {};
    api('/api/v1/rulesets').then(rs => {
      rs.rulesets.forEach(r => { benefitName[r.benefit] = r.name || r.benefit; });
      [...new Set(rs.rulesets.filter(r => r.status === 'released' && r.kind !== 'module').map(r => r.benefit))]
        .sort((a, b) => benefitName[a].localeCompare(benefitName[b], 'pl')).forEach(b => {
        const cb = el('input', { type: 'checkbox', id: 'k-b-' + b, value: b });
        if (b === 'zasilek_rodzinny') cb.checked = true;
        benefitsBox.append(el('label', { for: 'k-b-' + b, class: 'wybor' }, cb, ' ' + benefitName[b]));
      });
    }).catch(e => benefitsBox.append(error(e)));
    const form = el('form', { id: 'kalkulator', 'aria-label': 'Kalkulator' },
      el('div', { class: 'szukaj' },
        el('div', {}, el('label', { for: 'k-data', text: 'Data prawna' }), el('input', { id: 'k-data', type: 'date', value: '2025-11-01', required: 'required' })),
        el('div', {}, el('label', { for: 'k-zlozenie', text: 'Data złożenia wniosku' }), el('input', { id: 'k-zlozenie', type: 'date', value: '2025-10-20', required: 'required' })),
        el('div', {}, el('label', { for: 'k-dochod', text: 'Dochód rodziny w roku bazowym (zł)' }), el('input', { id: 'k-dochod', inputmode: 'decimal', value: '30000.00' }))),
      members,
      benefitsBox,
      el('p', {}, el('label', { for: 'k-dodatkowe', text: 'Dane dodatkowe wniosku (JSON, np. sekcje świadczeń: {"dodatekMieszkaniowy": {…}})' }),
        el('textarea', { id: 'k-dodatkowe', rows: '3', cols: '80' })),
      el('p', {}, el('button', { type: 'button', class: 'drugi', id: 'dodaj-osobe', onclick: () => addPerson('DZIECKO', 'dziecko' + n, '2018-01-01'), text: 'Dodaj osobę' }), ' ',
        el('button', { type: 'submit', id: 'oblicz', text: 'Oblicz (bez zapisywania)' })));
    form.addEventListener('submit', async ev => {
      ev.preventDefault();
      const people = [];
      for (let i = 1; i <= n; i++) {
        const p = { id: form.querySelector('#o-id-' + i).value.trim(), rola: form.querySelector('#o-rola-' + i).value,
          dataUrodzenia: form.querySelector('#o-ur-' + i).value };
        if (form.querySelector('#o-szkola-' + i).checked) p.nauka = 'SZKOLA';
        people.push(p);
      }
      const income = form.querySelector('#k-dochod').value.replace(',', '.').trim();
      const wniosek = { dataZlozenia: form.querySelector('#k-zlozenie').value, czlonkowieRodziny: people };
      if (income) wniosek.dochodRodzinyRokBazowy = Number(income);
      const extra = form.querySelector('#k-dodatkowe').value.trim();
      if (extra) {
        try { Object.assign(wniosek, JSON.parse(extra)); } catch (e) { out.replaceChildren(error(new Error('Dane dodatkowe nie są poprawnym JSON: ' + e.message))); return; }
      }
      const chosen = [...benefitsBox.querySelectorAll('input:checked')].map(c => c.value);
      if (!chosen.length) { out.replaceChildren(error(new Error('Wybierz co najmniej jedno świadczenie.'))); return; }
      out.replaceChildren(el('h3', { text: 'Wyniki' }));
      for (const b of chosen) {
        const section = el('section', { id: 'k-wynik-' + b, 'aria-label': benefitName[b] || b }, el('h4', { text: benefitName[b] || b }));
        out.append(section);
        try {
          const e = await api('/api/v1/evaluations', { method: 'POST', headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ benefit: b, legalDate: form.querySelector('#k-data').value, wniosek: wniosek }) });
          section.append(
            el('p', {}, 'Rozstrzygnięcie: ', el('strong', { class: 'k-rozstrzygniecie wynik-' + e.outcome, text: WYNIK[e.outcome] || e.outcome }),
              ', kwota łącznie: ', el('strong', { class: 'k-kwota', text: zl.format(e.amounts.total) }), ' (przepisy w wersji od ' + data(e.rulesetVersion) + ')'),
            el('ol', { class: 'kroki' }, e.explanation.map(s => el('li', { class: 'krok' }, el('p', { text: s.textPl }),
              el('p', { class: 'podstawa' }, 'Podstawa prawna: ', s.legalBasis.text)))));
        } catch (err) {
          const fields = err.body && err.body.errors ? el('ul', {}, err.body.errors.map(f => el('li', { text: f.field + ': ' + f.message }))) : '';
          section.append(error(err), fields);
        }
      }
    });
    show(el('h2', { text: 'Kalkulator' }), el('p', { text: 'Obliczenie według przepisów w dniu daty prawnej; nic nie jest zapisywane.' }), form, out);
  }

  // ------------------------------------------------------------------ routing
  function route() {
    const h = location.hash || '#/decyzje';
    const [path, query] = h.slice(1).split('?');
    const params = Object.fromEntries(new URLSearchParams(query || ''));
    if (path.startsWith('/decyzja/')) { decisionPage(decodeURIComponent(path.slice('/decyzja/'.length))); }
    else if (path.startsWith('/przepisy')) { const p = path.split('/'); lawPage(p[2], p[3]); }
    else if (path.startsWith('/skutki')) { impactPage(); }
    else if (path.startsWith('/kalkulator')) { calculatorPage(); }
    else { searchPage(params); }
  }
  window.addEventListener('hashchange', route);
  route();
})();
