#!/usr/bin/env python3
"""One-off migration (issue 12): rewrite rules/<benefit>/<version>/ folders (one full copy per legal state) as one
dated history per benefit: benefit.yaml, parametry/<name>.yaml (values keyed by date, each with its citation) and
logika/<date>/ overlays holding only the DRL files that changed on that date. DRL bodies are carried over unchanged
(rule_style: legacy) until each benefit is rewritten in the strict style.

Usage: python3 tools/migrate-to-history.py rules <benefit> [<benefit> ...]
Prints what it did; the old version folders are removed (git keeps them; rules/retired.sha256 keeps their hashes).
"""
import os, re, sys, shutil, yaml, json, datetime

class Q(str):
    pass

def q_repr(d, s):
    return d.represent_scalar('tag:yaml.org,2002:str', s, style='"')

yaml.add_representer(Q, q_repr)

def dump(o):
    return yaml.dump(o, allow_unicode=True, sort_keys=False, width=100000, default_flow_style=False)

NAMES_EN = {
    'dochod_rodziny': 'Family income (shared module)',
    'dodatek_energetyczny': 'Energy allowance',
    'dodatek_mieszkaniowy': 'Housing allowance',
    'jednorazowa_zapomoga_z_tytulu_urodzenia_sie_dziecka': 'Childbirth grant ("becikowe")',
    'jednorazowe_swiadczenie_za_zyciem': 'One-off "Za zyciem" benefit',
    'specjalny_zasilek_opiekunczy': 'Special care allowance',
    'stypendium_szkolne': 'School scholarship',
    'swiadczenie_dobry_start': '"Dobry start" benefit',
    'swiadczenie_pielegnacyjne': 'Nursing benefit',
    'swiadczenie_rodzicielskie': 'Parental benefit',
    'swiadczenie_wychowawcze': 'Child-raising benefit (500+/800+)',
    'swiadczenie_z_funduszu_alimentacyjnego': 'Maintenance fund benefit',
    'zasilek_celowy': 'Special-purpose allowance',
    'zasilek_okresowy': 'Periodic allowance',
    'zasilek_pielegnacyjny': 'Care allowance',
    'zasilek_rodzinny': 'Family allowance',
    'zasilek_staly': 'Permanent allowance',
    'zasilek_szkolny': 'School allowance',
    'zaswiadczenie_czyste_powietrze': '"Czyste Powietrze" income certificate',
}

PKG = re.compile(r'(?m)^\s*package\s+[\w.]+\s*;?[ \t]*\n?')

def norm(text):
    return PKG.sub('', text, count=1)

def main(root, benefits):
    for b in benefits:
        bdir = os.path.join(root, b)
        versions = sorted(d for d in os.listdir(bdir) if re.match(r'\d{4}-\d{2}-\d{2}$', d))
        if not versions:
            print(b, 'no version folders'); continue
        mans, params, files = {}, {}, {}
        for v in versions:
            vd = os.path.join(bdir, v)
            mans[v] = yaml.safe_load(open(os.path.join(vd, 'ruleset.yaml'), encoding='utf-8'))
            params[v] = yaml.safe_load(open(os.path.join(vd, 'parameters.yaml'), encoding='utf-8')) or {}
            fs = {}
            for fn in sorted(os.listdir(vd)):
                if fn.endswith('.drl') or fn.endswith('.drl.csv'):
                    t = open(os.path.join(vd, fn), encoding='utf-8').read()
                    fs[fn] = norm(t) if fn.endswith('.drl') else t
            files[v] = fs
        last = mans[versions[-1]]
        # acts: union by id, the latest wording wins
        acts = {}
        for v in versions:
            for a in mans[v].get('legal_basis') or []:
                acts[a['id']] = a
        # periods
        periods = []
        for i, v in enumerate(versions):
            m = mans[v]
            start = m['effective_from']
            if not periods or (periods[-1]['to'] is not None):
                periods.append({'from': start, 'to': None})
            if m.get('effective_to'):
                nxt = versions[i + 1] if i + 1 < len(versions) else None
                end = m['effective_to']
                if nxt is None or datetime.date.fromisoformat(nxt) > end + datetime.timedelta(days=1):
                    periods[-1]['to'] = end
        title = open(os.path.join(bdir, 'README.md'), encoding='utf-8').readline().lstrip('# ').strip()
        name = re.sub(r'\s*\(`[^`]*`\)\s*$', '', title)
        manifest = {
            'benefit': b,
            'kind': last.get('kind', 'benefit'),
            'name': Q(name),
            'name_en': Q(NAMES_EN.get(b, b.replace('_', ' '))),
            'rule_style': 'legacy',
        }
        mods = [tuple(mans[v].get('modules') or []) for v in versions]
        if len(set(mods)) == 1:
            if mods[0]:
                manifest['modules'] = list(mods[0])
        else:
            uses = []
            names = sorted({n for ms in mods for n in ms})
            for n in names:
                start = None
                for i, v in enumerate(versions):
                    on = n in mods[i]
                    if on and start is None:
                        start = v
                    if not on and start is not None:
                        end = datetime.date.fromisoformat(v) - datetime.timedelta(days=1)
                        uses.append({'name': n, 'from': datetime.date.fromisoformat(start), 'to': end})
                        start = None
                if start is not None:
                    uses.append({'name': n, 'from': datetime.date.fromisoformat(start)})
            manifest['modules'] = uses
        if last.get('input'):
            manifest['input'] = last['input']
        manifest['acts'] = [{k: (Q(x) if isinstance(x, str) else x) for k, x in a.items()} for a in acts.values()]
        manifest['periods'] = periods
        changes = {}
        for v in versions:
            m = mans[v]
            c = {'summary': Q(m.get('summary', '').strip())}
            if m.get('summary_en'):
                c['summary_en'] = Q(m['summary_en'].strip())
            if m.get('status') == 'draft':
                c['status'] = 'draft'
            changes[datetime.date.fromisoformat(v)] = c
        manifest['changes'] = changes
        # parameters
        names = []
        for v in versions:
            for n in params[v]:
                if n not in names:
                    names.append(n)
        os.makedirs(os.path.join(bdir, 'parametry'), exist_ok=True)
        change_dates = set()
        for n in names:
            series, prev, desc = {}, None, None
            for v in versions:
                p = params[v].get(n)
                if p is None:
                    if prev is not None:
                        series[v] = {'value': None, 'reference': Q('parametr nie obowiązuje od ' + v)}
                        change_dates.add(v)
                        prev = None
                    continue
                key = json.dumps([p.get('value'), p.get('legal_basis'), p.get('href'), p.get('source'),
                                  str(p.get('verified_on')), p.get('unit')], sort_keys=True, default=str)
                desc = p
                if key != prev:
                    e = {'value': p.get('value'), 'reference': Q(p.get('legal_basis'))}
                    for k in ('href', 'source'):
                        if p.get(k):
                            e[k] = Q(p[k])
                    if p.get('verified_on'):
                        e['verified_on'] = p['verified_on']
                    if p.get('note'):
                        e['note'] = Q(p['note'])
                    series[v] = e
                    change_dates.add(v)
                    prev = key
            doc = {'description': Q(desc['description'])}
            if desc.get('description_en'):
                doc['description_en'] = Q(desc['description_en'])
            doc['unit'] = Q(desc['unit'])
            doc['values'] = {datetime.date.fromisoformat(k): val for k, val in series.items()}
            with open(os.path.join(bdir, 'parametry', n + '.yaml'), 'w', encoding='utf-8') as out:
                out.write(dump(doc))
        # logic overlays
        current = {}
        logic_dates = []
        for v in versions:
            fs = files[v]
            changed = {fn: t for fn, t in fs.items() if current.get(fn) != t}
            removed = [fn for fn in current if fn not in fs]
            if changed or removed or not current:
                ld = os.path.join(bdir, 'logika', v)
                os.makedirs(ld, exist_ok=True)
                for fn, t in changed.items():
                    with open(os.path.join(ld, fn), 'w', encoding='utf-8') as out:
                        out.write(t)
                if removed:
                    with open(os.path.join(ld, 'logika.yaml'), 'w', encoding='utf-8') as out:
                        out.write(dump({'removes': removed}))
                logic_dates.append(v)
            current = dict(fs)
        points = set(logic_dates) | change_dates | {str(p['from']) for p in periods}
        for v in versions:
            if v not in points:
                print(f'  {b}/{v}: no logic or parameter changes -> folded into the previous legal state')
                del changes[datetime.date.fromisoformat(v)]
        with open(os.path.join(bdir, 'benefit.yaml'), 'w', encoding='utf-8') as out:
            out.write('# ' + name + ' – jedna datowana historia (docs/adr/0014-law-as-data.md).\n')
            out.write(dump(manifest))
        for v in versions:
            shutil.rmtree(os.path.join(bdir, v))
        print(f'{b}: {len(versions)} version folders -> {len(logic_dates)} logic folders, {len(names)} parameters')

if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2:])
