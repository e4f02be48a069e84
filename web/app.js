// faultline serve: the web application. Plain JavaScript, no dependencies.
// Every piece of article text reaches the page through textContent (el() below), never
// as markup; the server's content security policy forbids inline scripts besides.
'use strict';

// ---- small helpers ---------------------------------------------------------------

// el('td', {class: 'cell', 'data-actor': a}, 'text', child...): attributes are set
// with setAttribute, strings become text nodes. svg() does the same in SVG's namespace.
function build(node, attrs, children) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}
const el = (tag, attrs, ...children) => build(document.createElement(tag), attrs, children);
const svg = (tag, attrs, ...children) => build(document.createElementNS('http://www.w3.org/2000/svg', tag), attrs, children);

const $ = (id) => document.getElementById(id);
const fmt = (x) => (x > 0 ? '+' : '') + Number(x).toFixed(2);

// Net stance -1..1 as a colour: orange-red through grey to blue, as in the HTML report.
function stanceColour(s) {
  const grey = [200, 200, 200], pro = [31, 95, 168], con = [207, 74, 25];
  const t = Math.min(1, Math.abs(s)), to = s >= 0 ? pro : con;
  const c = grey.map((g, i) => Math.round(g + (to[i] - g) * t));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}
const stanceWord = (s) => (s > 0 ? 'for' : s < 0 ? 'against' : 'mixed');

// A link to a view: '#/' + path + '?' + the current filters (+ extra).
function viewLink(path, extra) {
  const q = new URLSearchParams(currentFilters());
  for (const [k, v] of Object.entries(extra || {})) if (v) q.set(k, v); else q.delete(k);
  const qs = q.toString();
  return '#/' + path + (qs ? '?' + qs : '');
}

// ---- state: route, filters, token, user ------------------------------------------

const FILTERS = ['from', 'to', 'window', 'outlet', 'issue', 'actor', 'min_confidence', 'weight'];

function route() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, query] = hash.split('?');
  const parts = (path || 'map').split('/').map(decodeURIComponent);
  return {view: parts[0] || 'map', arg: parts.slice(1).join('/'), params: new URLSearchParams(query || '')};
}

function currentFilters() {
  const p = route().params, out = {};
  for (const k of FILTERS) if (p.get(k)) out[k] = p.get(k);
  return out;
}

function apiQuery(extra) {
  const q = new URLSearchParams(currentFilters());
  for (const [k, v] of Object.entries(extra || {})) if (v !== undefined && v !== '') q.set(k, v);
  return q.toString();
}

// The write token comes once in the URL fragment (#token=...), printed by
// `faultline serve`; it is kept for this tab only and taken out of the address bar.
function takeToken() {
  const m = location.hash.match(/^#token=([0-9A-Za-z_-]+)/);
  if (m) {
    sessionStorage.setItem('faultline-token', m[1]);
    history.replaceState(null, '', location.pathname + '#/map');
  }
  return sessionStorage.getItem('faultline-token') || '';
}
let token = '';
let serverStatus = {read_only: true};

function user() { return $('user').value.trim(); }

// ---- API ---------------------------------------------------------------------------

async function api(path, query) {
  const res = await fetch('/api/v1/' + path + (query ? '?' + query : ''), {headers: {Accept: 'application/json'}});
  const body = await res.json().catch(() => ({error: {message: res.statusText}}));
  if (!res.ok) throw new Error((body.error && body.error.message) || res.statusText);
  return body;
}

async function correct(payload) {
  if (!token) throw new Error('corrections need the write token: open the address `faultline serve` printed');
  const res = await fetch('/api/v1/corrections', {
    method: 'POST',
    headers: {'Content-Type': 'application/json', Authorization: 'Bearer ' + token},
    body: JSON.stringify(Object.assign({who: user()}, payload)),
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error((body.error && body.error.message) || res.statusText);
  return body;
}

function say(message, isError) {
  const s = $('status');
  s.textContent = message || '';
  s.className = isError ? 'error' : '';
}

// ---- statements and their correction controls ------------------------------------

function refOf(s) {
  return {doc: s.doc, actor: s.actor, issue: s.issue, stance: s.stance, begin: s.begin, end: s.end};
}

function reviewBadge(r) {
  if (!r) return null;
  const words = {confirm: 'confirmed', change: 'changed', add: 'added', rejected: 'rejected', changed: 'changed away'};
  return el('span', {class: 'badge ' + r.action}, `${words[r.action] || r.action} by ${r.who} ${r.at.slice(0, 10)}`);
}

async function act(payload, done) {
  try {
    await correct(payload);
    say('Saved.');
    if (done) done(); else render();
  } catch (e) { say(e.message, true); }
}

// A form to change actor, issue or stance, or to add a statement (given doc and span).
function changeForm(base, submit) {
  const actor = el('input', {name: 'actor', size: 8, value: base.actor || '', list: 'actor-codes', required: true});
  const issue = el('select', {name: 'issue'});
  for (const is of vocabulary.issues) {
    const o = el('option', {value: is.id}, is.id + (is.label ? ' — ' + is.label : ''));
    if (is.id === base.issue) o.selected = true;
    issue.append(o);
  }
  const stance = el('select', {name: 'stance'}, el('option', {value: '1'}, 'for (+1)'), el('option', {value: '-1'}, 'against (−1)'));
  stance.value = String(base.stance || 1);
  const note = el('input', {name: 'note', size: 20, placeholder: 'note (optional)'});
  const form = el('form', {class: 'change'}, actor, issue, stance, note, el('button', {type: 'submit'}, 'Save'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    submit({actor: actor.value.trim(), issue: issue.value, stance: Number(stance.value), note: note.value});
  });
  return form;
}

function statementItem(s, opts) {
  const o = opts || {};
  const rejected = s.review && (s.review.action === 'rejected' || s.review.action === 'changed');
  const li = el('li', {class: 'statement' + (rejected ? ' struck' : ''), 'data-sid': s.sid});
  li.append(
    el('span', {class: 'evidence'}, s.evidence),
    el('span', {class: 'meta'},
      el('a', {href: viewLink('actor/' + encodeURIComponent(s.actor))}, s.actor), ' ',
      el('span', {class: s.stance > 0 ? 'pro' : 'con'}, s.stance > 0 ? 'for' : 'against'), ' ',
      el('a', {href: viewLink('issue/' + encodeURIComponent(s.issue))}, s.issue),
      ' · ', s.outlet || 'no outlet', ' · ', s.date || 'undated',
      s.source && s.source !== s.outlet ? ' · reported by ' + s.source : '',
      s.person ? ' · ' + s.person : '',
      ' · ', s.rule + (s.cue ? ': ' + s.cue : '') + (s.confidence !== undefined ? ' (confidence ' + Number(s.confidence).toFixed(2) + ')' : ''), ' · ',
      el('a', {href: '#/document/' + encodeURIComponent(s.doc_id) + '?sel=' + s.begin + '-' + s.end}, 'article')));
  const badge = reviewBadge(s.review);
  if (badge) li.append(badge);
  if (serverStatus.read_only || o.readOnly) return li;
  const buttons = el('span', {class: 'actions'});
  const ref = refOf(s);
  if (rejected) {
    buttons.append(el('button', {type: 'button', class: 'confirm', onclick: () => act({action: 'confirm', target: ref})}, 'Put back'));
  } else {
    buttons.append(
      el('button', {type: 'button', class: 'confirm', onclick: () => act({action: 'confirm', target: ref})}, 'Confirm'),
      el('button', {type: 'button', class: 'reject', onclick: () => act({action: 'reject', target: ref})}, 'Reject'),
      el('button', {type: 'button', class: 'change', onclick: () => {
        if (li.querySelector('form.change')) return;
        li.append(changeForm(s, (v) => act(Object.assign({action: 'change', target: ref}, v))));
      }}, 'Change…'));
  }
  li.append(buttons);
  return li;
}

// ---- views -----------------------------------------------------------------------

const view = () => $('view');
let vocabulary = {issues: [], actors: [], outlets: []};

function heading(text, ...rest) { return el('h2', {}, text, ...rest); }

function summaryLine(m) {
  const s = m.summary;
  return el('p', {class: 'summary'},
    `${s.statements} statements from ${s.documents} documents`,
    s.first ? `, ${s.first} to ${s.last}` : '',
    s.undated ? `, ${s.undated} undated` : '',
    s.excluded_by_range ? `, ${s.excluded_by_range} outside the period` : '',
    `; ${s.shifts} shifts; ${s.corrections} corrections`);
}

async function renderMap(r) {
  const m = await api('map', apiQuery());
  // Rows: actors grouped by camp (largest camp first), then by statements.
  const campOf = {}, count = {};
  m.camps.forEach((c, i) => c.actors.forEach((a) => { campOf[a] = i; }));
  for (const c of m.cells) count[c.actor] = (count[c.actor] || 0) + c.count;
  const actors = [...m.actors].sort((a, b) => ((campOf[a] ?? 1e9) - (campOf[b] ?? 1e9)) || (count[b] - count[a]) || (a < b ? -1 : 1));
  const cellAt = {};
  for (const c of m.cells) cellAt[c.actor + '\u0000' + c.issue] = c;
  const selected = (r.params.get('cell') || '').split('/');

  const head = el('tr', {}, el('th', {class: 'actor'}, 'actor \\ issue'));
  for (const is of m.issues) {
    head.append(el('th', {title: (is.label || is.issue) + (is.proposition ? ': ' + is.proposition : '') + ` (split ${is.split})`},
      el('a', {href: viewLink('issue/' + encodeURIComponent(is.issue))}, is.issue)));
  }
  const table = el('table', {id: 'heatmap'}, el('thead', {}, head));
  const body = el('tbody');
  for (const a of actors) {
    const name = (m.actor_names || {})[a];
    const row = el('tr', {}, el('th', {class: 'actor', title: name || a}, el('a', {href: viewLink('actor/' + encodeURIComponent(a))}, a),
      name && name !== a ? el('span', {class: 'name'}, ' ' + name) : null,
      campOf[a] !== undefined ? el('span', {class: 'camp'}, ' camp ' + (campOf[a] + 1)) : null));
    for (const is of m.issues) {
      const c = cellAt[a + '\u0000' + is.issue];
      if (!c) { row.append(el('td', {class: 'empty'})); continue; }
      const td = el('td', {
        class: 'cell' + (selected[0] === a && selected[1] === is.issue ? ' sel' : ''),
        'data-actor': a, 'data-issue': is.issue, 'data-count': c.count, 'data-stance': c.stance,
        title: `${a} on ${is.issue}: ${stanceWord(c.stance)} (${fmt(c.stance)}), ${c.count} statements in ${c.documents} documents` +
          (c.reviewed ? `, ${c.reviewed} reviewed` : '') + (c.outlets_disagree ? ', outlets disagree' : ''),
        tabindex: 0,
      }, String(c.count));
      td.style.background = stanceColour(c.stance);
      td.style.color = Math.abs(c.stance) > 0.5 ? '#fff' : '#222';
      if (c.reviewed) td.classList.add('reviewed');
      if (c.outlets_disagree) td.classList.add('disagree');
      const open = () => { location.hash = viewLink('map', {cell: a + '/' + is.issue}); };
      td.addEventListener('click', open);
      td.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') open(); });
      row.append(td);
    }
    body.append(row);
  }
  table.append(body);
  const legend = el('p', {class: 'legend'},
    el('span', {class: 'swatch pro-bg'}, 'for'), el('span', {class: 'swatch mixed-bg'}, 'mixed'),
    el('span', {class: 'swatch con-bg'}, 'against'),
    ' Numbers are statements. A thick border marks cells people reviewed; a dashed one, outlets that disagree.');
  const evidence = el('section', {id: 'evidence'});
  view().replaceChildren(el('div', {class: 'split'},
    el('section', {id: 'map'}, heading('Who stands where'), summaryLine(m), legend, el('div', {class: 'scroll'}, table)),
    evidence));
  if (selected.length === 2 && selected[1]) await renderEvidence(evidence, selected[0], selected[1], r.params.get('group'));
  else evidence.append(heading('Evidence'), el('p', {}, 'Click a cell to see the statements behind it.'));
}

// The evidence of a cell, grouped by outlet or by independent origin (relays of one report
// together); the grouping is part of the URL like the cell.
async function renderEvidence(box, actor, issue, group) {
  const byOrigin = group === 'origin';
  let e;
  try { e = await api('evidence', apiQuery({actor, issue, group: byOrigin ? 'origin' : ''})); } catch (err) {
    box.replaceChildren(heading('Evidence'), el('p', {}, err.message));
    return;
  }
  box.replaceChildren(heading(`${actor} on ${issue}: ${stanceWord(e.stance)} (${fmt(e.stance)}), ${e.count} statements`));
  box.append(el('p', {}, el('a', {href: viewLink('actor/' + encodeURIComponent(actor))}, `${actor} on every issue`), ' · ',
    el('a', {href: viewLink('issue/' + encodeURIComponent(issue))}, `everyone on ${issue}`)));
  const cell = actor + '/' + issue;
  box.append(el('p', {class: 'grouping'}, 'Grouped ',
    byOrigin ? el('a', {href: viewLink('map', {cell}), id: 'by-outlet'}, 'by outlet') : el('strong', {}, 'by outlet'), ' · ',
    byOrigin ? el('strong', {}, 'by origin') : el('a', {href: viewLink('map', {cell, group: 'origin'}), id: 'by-origin'}, 'by origin'),
    ` (${e.origins} independent ${e.origins === 1 ? 'origin' : 'origins'})`));
  for (const g of e.groups) {
    const name = byOrigin ? g.label : g.outlet || 'no outlet';
    const carried = byOrigin && g.outlets.length ? ` · carried by ${g.outlets.join(', ')}` : '';
    box.append(el('h3', {class: 'group'}, name, g.stance === null ? '' : ` — ${stanceWord(g.stance)} (${fmt(g.stance)})`, ` · ${g.count}`, carried));
    box.append(el('ul', {class: 'statements'}, g.statements.map((s) => statementItem(s))));
    const more = {actor, issue, outlet: byOrigin ? '' : g.outlet || ''};
    if (g.more) box.append(el('p', {class: 'more'}, el('a', {href: viewLink('search', more)}, `${g.more} more…`)));
  }
  if (e.rejected.length) {
    box.append(el('h3', {}, 'Taken out by people'), el('ul', {class: 'statements'}, e.rejected.map((s) => statementItem(s))));
  }
}

// A row of coloured squares, one per window, for a timeline.
function courseCells(windows, timeline) {
  const at = {};
  for (const w of timeline) at[w.window] = w;
  return windows.map((w) => {
    const x = at[w];
    if (!x) return el('td', {class: 'empty'});
    const td = el('td', {class: 'tick', title: `${w}: ${stanceWord(x.stance)} (${fmt(x.stance)}), ${x.count} statements`}, String(x.count));
    td.style.background = stanceColour(x.stance);
    return td;
  });
}

function shiftList(shifts) {
  if (!shifts.length) return el('p', {}, 'No shifts in this view.');
  return el('ul', {class: 'shifts'}, shifts.map((s) => el('li', {},
    el('strong', {}, el('a', {href: viewLink('map', {cell: s.actor + '/' + s.issue})}, `${s.actor} on ${s.issue}`)), ': ',
    `${s.from.window} ${stanceWord(s.from.stance)} (${fmt(s.from.stance)}, ${s.from.count}) → ${s.to.window} ${stanceWord(s.to.stance)} (${fmt(s.to.stance)}, ${s.to.count})`,
    el('ul', {class: 'statements'}, [...s.from.evidence, ...s.to.evidence].map((x) => statementItem(x, {readOnly: true}))))));
}

// Cells as rows (named by `label`), their net stance, then one column per window.
function courseTable(what, windows, cells, label) {
  const head = el('tr', {}, el('th', {}, what), el('th', {}, 'net'), windows.map((w) => el('th', {}, w)));
  const body = el('tbody');
  for (const c of cells) {
    const net = el('td', {class: 'tick'}, fmt(c.stance));
    net.style.background = stanceColour(c.stance);
    body.append(el('tr', {}, el('th', {class: 'actor'}, el('a', {href: viewLink('map', {cell: c.actor + '/' + c.issue})}, label(c))),
      net, courseCells(windows, c.timeline)));
  }
  return el('table', {class: 'course'}, el('thead', {}, head), body);
}

async function renderIssue(r) {
  const d = await api('issue', apiQuery({issue: r.arg}));
  const table = courseTable('actor', d.windows, d.cells, (c) => c.actor);
  const is = d.issue;
  view().replaceChildren(el('section', {},
    heading(`${is.issue}${is.label ? ' — ' + is.label : ''}`),
    is.proposition ? el('p', {class: 'proposition'}, is.proposition) : null,
    el('p', {}, `Split ${is.split}, ${is.count} statements. For: ${is.for.join(', ') || 'none'}. Against: ${is.against.join(', ') || 'none'}.` +
      (is.mixed.length ? ` Mixed: ${is.mixed.join(', ')}.` : '')),
    el('div', {class: 'scroll'}, table), heading('Shifts'), shiftList(d.shifts)));
}

async function renderActor(r) {
  const d = await api('actor', apiQuery({actor: r.arg}));
  const table = courseTable('issue', d.windows, d.cells, (c) => c.issue);
  view().replaceChildren(el('section', {},
    heading(`${d.actor} across issues and time`),
    el('p', {}, d.camp ? `Camp: ${d.camp.join(', ')}` : 'In no camp with others in this view.'),
    el('div', {class: 'scroll'}, table), heading('Shifts'), shiftList(d.shifts)));
}

// Every shifting cell on one time axis: a row per actor and issue, a dot per window
// (size: statements, colour: net stance), the two windows of each shift ringed.
function shiftTimeline(shifts) {
  const windows = [...new Set(shifts.flatMap((s) => s.timeline.map((w) => w.window)))].sort();
  const rows = [];
  for (const s of shifts) {
    const key = s.actor + '/' + s.issue;
    let row = rows.find((r) => r.key === key);
    if (!row) rows.push(row = {key, shift: s, ends: new Set()});
    row.ends.add(s.from.window).add(s.to.window);
  }
  const left = 170, step = Math.max(14, Math.min(48, 900 / Math.max(1, windows.length))), h = 24;
  const width = left + step * windows.length + 20, height = 30 + h * rows.length;
  const chart = svg('svg', {width, height, viewBox: `0 0 ${width} ${height}`, class: 'timeline', role: 'img'});
  windows.forEach((w, i) => {
    if (i % Math.ceil(40 / step) === 0) chart.append(svg('text', {x: left + i * step, y: 12, 'font-size': 10}, w));
  });
  rows.forEach((r, k) => {
    const y = 30 + k * h;
    chart.append(svg('text', {x: 4, y: y + 4, 'font-size': 12}, r.key));
    const xs = r.shift.timeline.map((w) => left + windows.indexOf(w.window) * step);
    chart.append(svg('line', {x1: Math.min(...xs), x2: Math.max(...xs), y1: y, y2: y, stroke: '#bbb'}));
    for (const w of r.shift.timeline) {
      const dot = svg('circle', {cx: left + windows.indexOf(w.window) * step, cy: y, r: Math.min(10, 3 + Math.sqrt(w.count) * 2),
        fill: stanceColour(w.stance), stroke: r.ends.has(w.window) ? '#263238' : 'none', 'stroke-width': 2});
      dot.append(svg('title', {}, `${r.key} ${w.window}: ${stanceWord(w.stance)} (${fmt(w.stance)}), ${w.count} statements`));
      chart.append(dot);
    }
  });
  return el('div', {class: 'scroll'}, chart);
}

async function renderShifts() {
  const d = await api('shifts', apiQuery());
  view().replaceChildren(el('section', {}, heading(`Shifts (${d.shifts.length})`),
    el('p', {}, 'An actor whose net stance changed sign between two windows in which it was reported. Dots: statements per window, coloured by net stance; ringed: the windows of a shift.'),
    d.shifts.length ? shiftTimeline(d.shifts) : null, shiftList(d.shifts)));
}

// Camps on a circle, each camp's members on a small circle of their own; congruence ties
// grey, conflict ties red and dashed, thicker for stronger ties.
function campGraph(d) {
  const size = 760, mid = size / 2, pos = {};
  const n = Math.max(1, d.camps.length);
  d.camps.forEach((c, i) => {
    const a = (2 * Math.PI * i) / n, R = n > 1 ? mid * 0.62 : 0;
    const cx = mid + R * Math.cos(a), cy = mid + R * Math.sin(a), r = Math.min(n > 1 ? 130 : 300, 12 + 9 * c.actors.length);
    c.actors.forEach((actor, k) => {
      const b = (2 * Math.PI * k) / c.actors.length;
      pos[actor] = c.actors.length > 1 ? [cx + r * Math.cos(b), cy + r * Math.sin(b)] : [cx, cy];
    });
  });
  const chart = svg('svg', {width: size, height: size, viewBox: `0 0 ${size} ${size}`, class: 'camps-graph', role: 'img'});
  const top = Math.max(1e-9, ...d.ties.map((t) => Math.max(t.congruence, t.conflict)));
  for (const t of d.ties) {
    const [a, b] = [pos[t.source], pos[t.target]];
    if (!a || !b) continue;
    for (const [w, colour, dash] of [[t.congruence, '#9e9e9e', null], [t.conflict, '#cf4a19', '4 3']]) {
      if (w <= 0) continue;
      chart.append(svg('line', {x1: a[0], y1: a[1], x2: b[0], y2: b[1], stroke: colour, 'stroke-opacity': 0.5,
        'stroke-width': 0.5 + 2.5 * (w / top), 'stroke-dasharray': dash}));
    }
  }
  d.camps.forEach((c, i) => {
    for (const actor of c.actors) {
      const [x, y] = pos[actor];
      const link = svg('a', {href: viewLink('actor/' + encodeURIComponent(actor))});
      link.append(svg('circle', {cx: x, cy: y, r: 5, fill: `hsl(${(i * 67) % 360},55%,45%)`}),
        svg('text', {x: x + 7, y: y + 4, 'font-size': 11}, actor));
      chart.append(link);
    }
  });
  return el('div', {class: 'scroll'}, chart);
}

async function renderCamps() {
  const d = await api('camps', apiQuery());
  const camps = el('ol', {class: 'camps'}, d.camps.map((c) => el('li', {},
    el('strong', {}, c.actors.join(', ')),
    el('div', {class: 'profile'}, c.profile.map((p) => {
      const s = el('span', {class: 'chip', title: `${p.issue}: ${fmt(p.stance)}`}, p.issue);
      s.style.background = stanceColour(p.stance);
      return s;
    })))));
  const windows = el('table', {class: 'windows'}, el('tbody', {}, d.by_window.map((w) => el('tr', {},
    el('th', {}, w.window), el('td', {}, w.camps.map((c) => c.join(' ')).join('  |  '))))));
  view().replaceChildren(el('section', {}, heading('Camps'),
    el('p', {}, `${d.algorithm}; modularity ${d.modularity ?? 'n/a'}; ties: ${d.tie_basis}, normalisation ${d.normalization}.`),
    campGraph(d), camps, heading('Camps by window'), windows));
}

async function renderOutlets() {
  const d = await api('outlets', apiQuery());
  const outlets = el('table', {class: 'list'}, el('thead', {}, el('tr', {}, el('th', {}, 'outlet'), el('th', {}, 'statements'), el('th', {}, 'cells'))),
    el('tbody', {}, d.outlets.map((o) => el('tr', {}, el('td', {}, el('a', {href: viewLink('map', {outlet: o.outlet})}, o.outlet)), el('td', {}, o.statements), el('td', {}, o.cells)))));
  const shared = el('ul', {class: 'shared'}, d.shared_cells.slice(0, 200).map((c) => el('li', {},
    el('a', {href: viewLink('map', {cell: c.actor + '/' + c.issue})}, `${c.actor} on ${c.issue}`), c.outlets_disagree ? ' (outlets disagree): ' : ': ',
    c.by_outlet.map((v) => {
      const s = el('span', {class: 'chip', title: fmt(v.stance)}, `${v.outlet} ${v.count}`);
      s.style.background = stanceColour(v.stance);
      return s;
    }))));
  view().replaceChildren(el('section', {}, heading('Outlets'), outlets, heading('Cells told by several outlets'), shared));
}

async function renderSearch(r) {
  const q = r.params.get('q') || '', review = r.params.get('review') || 'any', offset = Number(r.params.get('offset') || 0);
  const input = el('input', {name: 'q', value: q, size: 40, placeholder: 'words, actor, issue, outlet, person'});
  const select = el('select', {name: 'review'}, ['any', 'reviewed', 'unreviewed', 'rejected'].map((v) => el('option', {value: v}, v)));
  select.value = review;
  const form = el('form', {class: 'search'}, input, select, el('button', {type: 'submit'}, 'Search'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = viewLink('search', {q: input.value.trim(), review: select.value === 'any' ? '' : select.value, offset: ''});
  });
  const d = await api('statements', apiQuery({q, review, offset, limit: 50}));
  const pager = el('p', {}, `${d.total} statements`, d.total > 50 ? `, ${offset + 1}–${Math.min(d.total, offset + 50)}` : '');
  if (offset > 0) pager.append(' ', el('a', {href: viewLink('search', {q, review, offset: String(Math.max(0, offset - 50))})}, '← previous'));
  if (offset + 50 < d.total) pager.append(' ', el('a', {href: viewLink('search', {q, review, offset: String(offset + 50)})}, 'next →'));
  view().replaceChildren(el('section', {}, heading('Statements'), form, pager, el('ul', {class: 'statements'}, d.statements.map((s) => statementItem(s)))));
}

// The article: its sentences, each selectable to add a statement the machine missed.
async function renderDocument(r) {
  const d = await api('document', 'id=' + encodeURIComponent(r.arg));
  const sel = (r.params.get('sel') || '').split('-').map(Number);
  const marked = new Set(d.statements.map((s) => s.begin + ':' + s.end));
  const text = el('div', {class: 'article'});
  const enc = new TextEncoder(), dec = new TextDecoder();
  const bytes = enc.encode(d.text);
  const addBox = el('div', {id: 'add'});
  let last = 0;
  for (const [b, e] of d.sentences) {
    if (b > last) text.append(dec.decode(bytes.subarray(last, b)));
    const span = el('span', {class: 'sentence' + (marked.has(b + ':' + e) ? ' has' : '') + (b === sel[0] && e === sel[1] ? ' sel' : ''),
      'data-begin': b, 'data-end': e, tabindex: 0}, dec.decode(bytes.subarray(b, e)));
    span.addEventListener('click', () => chooseSentence(d, b, e, addBox, text, span));
    text.append(span);
    last = e;
  }
  if (last < bytes.length) text.append(dec.decode(bytes.subarray(last)));
  const url = d.url && /^https?:\/\//i.test(d.url) ? el('a', {href: d.url, rel: 'noopener noreferrer', target: '_blank'}, d.url) : (d.url || '');
  view().replaceChildren(el('div', {class: 'split'},
    el('section', {}, heading(d.title || d.id), el('p', {class: 'meta'}, [d.outlet, d.date, d.author].filter(Boolean).join(' · '), ' ', url),
      serverStatus.read_only ? null : el('p', {class: 'hint'}, 'Select a sentence to add a statement the machine missed.'), text),
    el('section', {}, heading('Statements in this article'), addBox,
      el('ul', {class: 'statements'}, d.statements.map((s) => statementItem(s))),
      d.rejected.length ? el('h3', {}, 'Taken out by people') : null,
      el('ul', {class: 'statements'}, d.rejected.map((s) => statementItem(s))))));
  const chosen = text.querySelector('.sentence.sel');
  if (chosen) chosen.scrollIntoView({block: 'center'});
}

function chooseSentence(d, b, e, box, text, span) {
  text.querySelectorAll('.sentence.sel').forEach((x) => x.classList.remove('sel'));
  span.classList.add('sel');
  if (serverStatus.read_only) return;
  box.replaceChildren(el('h3', {}, 'Add a statement from the selected sentence'), el('blockquote', {}, span.textContent),
    changeForm({}, (v) => act(Object.assign({action: 'add', doc: d.id, begin: b, end: e}, v))));
}

async function renderCorrections() {
  const d = await api('corrections', 'limit=200');
  const rows = d.corrections.map((c) => el('tr', {},
    el('td', {}, c.at.replace('T', ' ').replace('Z', '')), el('td', {}, c.who), el('td', {}, c.action),
    el('td', {}, c.target ? `${c.target.actor} ${c.target.stance > 0 ? '+' : '−'} ${c.target.issue}` : ''),
    el('td', {}, c.action === 'change' || c.action === 'add' ? `${c.statement.actor} ${c.statement.stance > 0 ? '+' : '−'} ${c.statement.issue}` : ''),
    el('td', {}, el('a', {href: '#/document/' + encodeURIComponent(c.statement.doc_id) + '?sel=' + c.statement.begin + '-' + c.statement.end}, c.statement.doc)),
    el('td', {class: 'outcome'}, c.outcome), el('td', {}, c.note)));
  view().replaceChildren(el('section', {}, heading(`Corrections (${d.total})`),
    el('p', {}, 'Newest first. "moot": the statement rejected is no longer extracted; "reinstated": a confirmed or changed statement the extraction no longer gives, put back. Export them with `faultline export --corrections`.'),
    el('table', {class: 'list'}, el('thead', {}, el('tr', {}, ['when', 'who', 'action', 'statement', 'now', 'article', 'outcome', 'note'].map((h) => el('th', {}, h)))),
      el('tbody', {}, rows))));
}

// ---- wiring ----------------------------------------------------------------------

const VIEWS = {map: renderMap, issue: renderIssue, actor: renderActor, shifts: renderShifts, camps: renderCamps,
  outlets: renderOutlets, search: renderSearch, document: renderDocument, corrections: renderCorrections};

let renderCount = 0;
async function render() {
  const r = route();
  const mine = ++renderCount;
  for (const a of document.querySelectorAll('#nav a')) a.classList.toggle('on', a.dataset.view === r.view);
  for (const a of document.querySelectorAll('#nav a')) a.href = viewLink(a.dataset.view, {});
  const form = $('filters');
  for (const k of FILTERS) form.elements[k].value = r.params.get(k) || '';
  try {
    await (VIEWS[r.view] || renderMap)(r);
    if (mine === renderCount) document.body.dataset.rendered = r.view;
  } catch (e) {
    view().replaceChildren(el('p', {class: 'error'}, e.message));
  }
}

function fillSelect(select, values, labels) {
  const keep = select.value;
  select.replaceChildren(el('option', {value: ''}, 'all'), values.map((v, i) => el('option', {value: v}, labels ? labels[i] : v)));
  select.value = keep;
}

async function start() {
  token = takeToken();
  $('user').value = localStorage.getItem('faultline-user') || '';
  $('user').addEventListener('change', () => localStorage.setItem('faultline-user', user()));
  // Wait until the server has loaded the statements.
  for (;;) {
    serverStatus = await api('status');
    if (serverStatus.state === 'ready') break;
    if (serverStatus.state === 'failed') { say('Loading failed: ' + serverStatus.message, true); return; }
    say('Loading statements…');
    await new Promise((res) => setTimeout(res, 500));
  }
  if (!$('user').value && serverStatus.user) $('user').value = serverStatus.user;
  $('access').textContent = serverStatus.read_only ? 'read-only' : token ? 'can correct' : 'read-only (no token)';
  if (!token) serverStatus.read_only = true;
  say('');
  vocabulary = await api('vocabulary');
  const f = $('filters');
  fillSelect(f.elements.outlet, vocabulary.outlets);
  fillSelect(f.elements.issue, vocabulary.issues.map((i) => i.id), vocabulary.issues.map((i) => i.id + (i.label ? ' — ' + i.label : '')));
  fillSelect(f.elements.actor, vocabulary.actors);
  $('actor-codes').replaceChildren(vocabulary.actors.map((a) => el('option', {value: a})));
  f.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const r = route(), q = new URLSearchParams(r.params);
    for (const k of FILTERS) if (f.elements[k].value.trim()) q.set(k, f.elements[k].value.trim()); else q.delete(k);
    const qs = q.toString();
    location.hash = '#/' + [r.view, r.arg].filter(Boolean).map(encodeURIComponent).join('/') + (qs ? '?' + qs : '');
  });
  $('clear').addEventListener('click', () => { location.hash = '#/' + route().view; });
  window.addEventListener('hashchange', render);
  await render();
}

document.addEventListener('DOMContentLoaded', () => { start().catch((e) => say(e.message, true)); });
