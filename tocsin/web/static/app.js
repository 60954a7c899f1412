// The tocsin dashboard: every view reads the JSON API of the server that served this page, and
// the page's URL holds the filters and the selected event, so a view can be shared as a link.
"use strict";

const FILTERS = ["since", "until", "actor", "dyad", "root", "modality", "country"];
const PAGE = 25;
const QUAD = { 1: "var(--q1)", 2: "var(--q2)", 3: "var(--q3)", 4: "var(--q4)" };
const form = document.getElementById("filters");
let state = readState();
let api = { alerts: false };
let world = null;

function readState() {
  const p = new URLSearchParams(location.search);
  const s = { interval: p.get("interval") || "day", offset: +(p.get("offset") || 0), ev: p.get("ev") || "" };
  for (const k of FILTERS) s[k] = p.get(k) || "";
  return s;
}

function writeState(push) {
  const p = new URLSearchParams();
  for (const k of FILTERS) if (state[k]) p.set(k, state[k]);
  if (state.interval !== "day") p.set("interval", state.interval);
  if (state.offset) p.set("offset", state.offset);
  if (state.ev) p.set("ev", state.ev);
  const url = location.pathname + (p.toString() ? "?" + p : "");
  if (push) history.pushState(null, "", url); else history.replaceState(null, "", url);
}

function query(extra = {}) {
  const p = new URLSearchParams();
  for (const k of FILTERS) {
    if (!state[k]) continue;
    if (k === "actor") state.actor.split(/[,\s]+/).filter(Boolean).forEach(a => p.append("actor", a));
    else p.set(k, state[k]);
  }
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return p.toString();
}

async function get(path) {
  const r = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(typeof body.detail === "string" ? body.detail : `${r.status} ${r.statusText}`);
  return body;
}

function el(tag, attrs = {}, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") e.className = v; else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const k of kids) if (k != null) e.append(k);
  return e;
}

function actor(text, code) { return code ? `${text || code} [${code}]` : (text || "–"); }

// ---- filters -----------------------------------------------------------------------------------
function fillForm() {
  for (const k of [...FILTERS, "interval"]) form.elements[k].value = state[k];
}

form.addEventListener("submit", ev => {
  ev.preventDefault();
  for (const k of [...FILTERS, "interval"]) state[k] = form.elements[k].value.trim();
  state.offset = 0;
  writeState(true);
  refresh();
});
document.getElementById("reset").addEventListener("click", () => {
  for (const k of FILTERS) state[k] = "";
  state.interval = "day"; state.offset = 0; state.ev = "";
  fillForm(); writeState(true); refresh(); closeEvidence(false);
});
window.addEventListener("popstate", () => { state = readState(); fillForm(); refresh(); showEvidence(state.ev, false); });

function setFilter(k, v) {
  state[k] = state[k] === v ? "" : v;
  state.offset = 0;
  fillForm(); writeState(true); refresh();
}

function showError(msg) { document.getElementById("error").textContent = msg || ""; }

// ---- timeline ----------------------------------------------------------------------------------
async function drawTimeline() {
  const box = document.getElementById("timeline");
  const [series, alerts] = await Promise.all([get("/timeline?" + query({ interval: state.interval })), fetchAlerts()]);
  box.replaceChildren();
  const pts = series.points.map(d => ({ ...d, t: new Date(d.period + "T00:00:00Z") }));
  document.getElementById("timeline-caption").textContent =
    `${d3.sum(pts, d => d.events).toLocaleString()} events, per ${series.interval}` +
    (state.dyad ? ` · dyad ${state.dyad}` : state.actor ? ` · ${state.actor}` : "");
  if (!pts.length) { box.append(el("div", { class: "empty" }, "No dated events match these filters.")); return; }
  const W = box.clientWidth || 900, H = 200, m = { l: 40, r: 12, t: 14, b: 24 };
  const svg = d3.select(box).append("svg").attr("viewBox", `0 0 ${W} ${H}`).attr("id", "timeline-svg");
  const step = { day: d3.utcDay, week: d3.utcMonday, month: d3.utcMonth, year: d3.utcYear }[series.interval];
  const lo = pts[0].t, hi = step.offset(pts[pts.length - 1].t, 1);
  const x = d3.scaleUtc().domain([lo, hi]).range([m.l, W - m.r]);
  const y = d3.scaleLinear().domain([0, d3.max(pts, d => d.events) || 1]).nice().range([H - m.b, m.t]);
  const stack = d3.stack().keys(["q1", "q2", "q3", "q4"])(pts);
  const bw = d => Math.max(1, x(step.offset(d.data.t, 1)) - x(d.data.t) - 1);
  svg.append("g").selectAll("g").data(stack).join("g").attr("fill", s => QUAD[s.key.slice(1)])
    .selectAll("rect").data(s => s).join("rect").attr("class", "bar")
    .attr("x", d => x(d.data.t)).attr("width", bw).attr("y", d => y(d[1])).attr("height", d => y(d[0]) - y(d[1]))
    .on("click", (e, d) => {
      const from = d.data.period, to = d3.utcDay.offset(step.offset(d.data.t, 1), -1).toISOString().slice(0, 10);
      state.since = from; state.until = to; state.offset = 0; fillForm(); writeState(true); refresh();
    })
    .append("title").text(d => `${d.data.period}: ${d.data.events} events (Goldstein sum ${d.data.goldstein})`);
  // Ticks on whole periods only: a few days at "per day" would otherwise get noon ticks.
  const ticks = x.ticks(Math.min(10, W / 90)).filter(t => +step.floor(t) === +t);
  svg.append("g").attr("transform", `translate(0,${H - m.b})`)
    .call(d3.axisBottom(x).tickValues(ticks.length > 1 ? ticks : step.range(lo, hi)));
  svg.append("g").attr("transform", `translate(${m.l},0)`).call(d3.axisLeft(y).ticks(Math.min(4, y.domain()[1])).tickFormat(d3.format("d")));
  const marks = (alerts || []).filter(a => a._date && a._date >= lo && a._date < hi);
  svg.append("g").selectAll("path").data(marks).join("path").attr("class", "alert-mark")
    .attr("d", d3.symbol(d3.symbolTriangle, 60)).attr("fill", "#b00020")
    .attr("transform", a => `translate(${x(a._date)},${m.t - 4}) rotate(180)`)
    .append("title").text(a => a._label);
}

// ---- map ---------------------------------------------------------------------------------------
async function drawMap() {
  const box = document.getElementById("map");
  if (!world) world = await get("/static/vendor/world-atlas/countries-110m.json");
  const geo = await get("/geo?" + query({ limit: 300 }));
  box.replaceChildren();
  const W = box.clientWidth || 560, H = Math.round(W * 0.52);
  const svg = d3.select(box).append("svg").attr("viewBox", `0 0 ${W} ${H}`).attr("id", "map-svg");
  const land = topojson.feature(world, world.objects.countries);
  const byNum = new Map(geo.countries.filter(c => c.numeric).map(c => [c.numeric, c]));
  // Frame the countries that have events (with room around them), else the whole world.
  const hit = land.features.filter(f => byNum.has(f.id));
  const proj = d3.geoNaturalEarth1();
  if (hit.length) {
    const fc = { type: "FeatureCollection", features: hit };
    const [lon, lat] = d3.geoCentroid(fc);
    proj.rotate([-lon, 0]).center([0, lat]);
    proj.fitExtent([[W * 0.12, H * 0.12], [W * 0.88, H * 0.88]], fc);
    // Not closer than about a region (then centred on the events), not farther than the whole world.
    if (proj.scale() > W * 1.2) proj.scale(W * 1.2).translate([W / 2, H / 2]);
    else if (proj.scale() < W / 6.3) proj.rotate([0, 0]).center([0, 0]).fitSize([W, H], { type: "Sphere" });
  } else proj.fitSize([W, H], { type: "Sphere" });
  const path = d3.geoPath(proj);
  const color = d3.scaleSequentialLog(d3.interpolateOrRd).domain([1, Math.max(2, d3.max(geo.countries, c => c.events) || 2)]);
  svg.append("rect").attr("width", W).attr("height", H).attr("fill", "#eef3f8");
  svg.append("path").attr("class", "sphere").attr("d", path({ type: "Sphere" }));
  svg.append("g").selectAll("path").data(land.features).join("path")
    .attr("class", f => "country" + (byNum.get(f.id) && state.country === byNum.get(f.id).iso3 ? " selected" : ""))
    .attr("data-iso3", f => byNum.get(f.id)?.iso3 || "")
    .attr("fill", f => byNum.has(f.id) ? color(byNum.get(f.id).events) : "#dde3ea")
    .attr("d", path)
    .on("click", (e, f) => { const c = byNum.get(f.id); if (c) setFilter("country", c.iso3); })
    .append("title").text(f => `${f.properties.name}: ${byNum.get(f.id)?.events || 0} events`);
  const r = d3.scaleSqrt().domain([1, d3.max(geo.points, p => p.events) || 1]).range([2.5, 12]);
  svg.append("g").selectAll("circle").data(geo.points).join("circle").attr("class", "dot")
    .attr("cx", p => proj([p.lon, p.lat])[0]).attr("cy", p => proj([p.lon, p.lat])[1]).attr("r", p => r(p.events))
    .on("click", (e, p) => showEvidence(p.example, true))
    .append("title").text(p => `${p.name || ""}: ${p.events} events`);
}

// ---- network -----------------------------------------------------------------------------------
let sim = null;
async function drawNetwork() {
  const box = document.getElementById("network");
  const net = await get("/network?" + query({ limit: 40 }));
  box.replaceChildren();
  if (sim) sim.stop();
  if (!net.edges.length) { box.append(el("div", { class: "empty" }, "No dyads among these events.")); return; }
  const W = box.clientWidth || 560, H = Math.round(W * 0.52);
  const svg = d3.select(box).append("svg").attr("viewBox", `0 0 ${W} ${H}`).attr("id", "network-svg");
  svg.append("defs").append("marker").attr("id", "arrow").attr("viewBox", "0 -4 8 8").attr("refX", 18)
    .attr("markerUnits", "userSpaceOnUse").attr("markerWidth", 9).attr("markerHeight", 9).attr("orient", "auto")
    .append("path").attr("d", "M0,-4L8,0L0,4").attr("fill", "#999");
  const deg = new Map();
  for (const e of net.edges) for (const k of [e.source, e.target]) deg.set(k, (deg.get(k) || 0) + e.events);
  const nodes = [...deg].map(([id, n]) => ({ id, n }));
  const links = net.edges.map(e => ({ ...e }));
  const width = d3.scaleSqrt().domain([1, d3.max(links, l => l.events)]).range([1, 6]);
  const tone = d3.scaleDiverging(d3.interpolateRdBu).domain([-10, 0, 10]);
  const rad = d3.scaleSqrt().domain([1, d3.max(nodes, n => n.n)]).range([4, 14]);
  sim = d3.forceSimulation(nodes)
    .force("link", d3.forceLink(links).id(d => d.id).distance(70))
    .force("charge", d3.forceManyBody().strength(-160))
    .force("x", d3.forceX(W / 2).strength(0.08)).force("y", d3.forceY(H / 2).strength(0.12))
    .force("collide", d3.forceCollide(d => rad(d.n) + 4));
  const link = svg.append("g").selectAll("path").data(links).join("path").attr("class", "edge")
    .attr("stroke", l => tone(l.goldstein ?? 0)).attr("stroke-width", l => width(l.events))
    .attr("marker-end", "url(#arrow)");
  link.append("title").text(l => `${l.source.id || l.source} → ${l.target.id || l.target}: ${l.events} events, ` +
                                 `mean Goldstein ${l.goldstein}`);
  const node = svg.append("g").selectAll("g").data(nodes).join("g").attr("class", "node")
    .on("click", (e, d) => setFilter("actor", d.id));
  node.append("circle").attr("r", d => rad(d.n)).attr("fill", d => state.actor === d.id ? "#c8322b" : "#4a5568");
  node.append("text").attr("x", d => rad(d.n) + 2).attr("y", 3).text(d => d.id);
  node.append("title").text(d => `${d.id}: ${d.n} events`);
  sim.on("tick", () => {
    for (const n of nodes) { n.x = Math.max(12, Math.min(W - 40, n.x)); n.y = Math.max(10, Math.min(H - 10, n.y)); }
    link.attr("d", l => `M${l.source.x},${l.source.y}L${l.target.x},${l.target.y}`);
    node.attr("transform", d => `translate(${d.x},${d.y})`);
  });
  // Settle the layout now rather than animate it for seconds: the picture is stable at once.
  sim.stop(); for (let i = 0; i < 200; i++) sim.tick(); sim.on("tick")();
}

// ---- events table ------------------------------------------------------------------------------
async function drawEvents() {
  const page = await get("/events?" + query({ limit: PAGE, offset: state.offset }));
  const tbody = document.querySelector("#events tbody");
  tbody.replaceChildren();
  for (const e of page.events) {
    const tr = el("tr", { "data-event": e.event_id, onclick: () => showEvidence(e.event_id, true) },
      el("td", {}, e.date || ""),
      el("td", {}, actor(e.source_text, e.source_code)),
      el("td", { title: e.cameo_name || "" }, el("span", { class: "code" }, e.cameo), " ", e.cameo_name || ""),
      el("td", {}, actor(e.target_text, e.target_code)),
      el("td", { class: "mod-" + e.modality }, e.modality + (e.attributed_to_text ? ` (${e.attributed_to_text})` : "")),
      el("td", {}, e.location_name || ""),
      el("td", { class: "sentence" }, e.sentence || ""));
    if (e.event_id === state.ev) tr.classList.add("selected");
    tbody.append(tr);
  }
  if (!page.events.length) tbody.append(el("tr", {}, el("td", { colspan: 7, class: "empty" }, "No events match.")));
  const last = Math.min(page.total, page.offset + page.events.length);
  document.getElementById("events-caption").textContent = `${page.total.toLocaleString()} match`;
  document.getElementById("page").textContent = page.total ? `${page.offset + 1}–${last} of ${page.total.toLocaleString()}` : "";
  document.getElementById("prev").disabled = page.offset === 0;
  document.getElementById("next").disabled = last >= page.total;
}
document.getElementById("prev").addEventListener("click", () => {
  state.offset = Math.max(0, state.offset - PAGE); writeState(true); drawEvents().catch(e => showError(e.message));
});
document.getElementById("next").addEventListener("click", () => {
  state.offset += PAGE; writeState(true); drawEvents().catch(e => showError(e.message));
});

// ---- alerts (when the server has them) -----------------------------------------------------------
async function fetchAlerts() {
  if (!api.alerts) return [];
  try {
    const p = new URLSearchParams({ limit: 200, evidence: false });
    for (const k of ["since", "until", "dyad", "country"]) if (state[k]) p.set(k, state[k]);
    const rows = (await get("/alerts?" + p)).alerts;
    for (const a of rows) {
      a._date = a.first_fired ? new Date(a.first_fired + "T00:00:00Z") : null;
      a._label = `${a.level}: ${a.title} (${a.key}), first raised ${a.first_fired}`;
    }
    drawAlertTable(rows);
    return rows;
  } catch (e) { return []; }
}

function drawAlertTable(rows) {
  document.getElementById("alerts-panel").hidden = false;
  const cols = [["level", "level"], ["title", "alert"], ["key", "who"], ["first_fired", "first raised"],
                ["last_updated", "updated"], ["n_clusters", "events"], ["reason", "why"]];
  document.querySelector("#alerts thead").replaceChildren(el("tr", {}, ...cols.map(([, h]) => el("th", {}, h))));
  const tbody = document.querySelector("#alerts tbody");
  tbody.replaceChildren(...rows.map(a => el("tr", { "data-alert": a.alert_id, class: "level-" + a.level,
                                                    onclick: () => showAlert(a.alert_id) },
    ...cols.map(([k]) => el("td", {}, a[k] == null ? "" : String(a[k]))))));
  if (!rows.length) tbody.append(el("tr", {}, el("td", { colspan: cols.length, class: "empty" },
                                                  "No alerts stored for these filters (tocsin alerts computes them).")));
}

async function showAlert(id) {
  try {
    const a = await get("/alerts/" + encodeURIComponent(id));
    const aside = document.getElementById("evidence");
    aside.hidden = false;
    document.getElementById("ev-title").textContent = `${a.level.toUpperCase()}: ${a.title}`;
    document.getElementById("ev-meta").textContent = `${a.key} · first raised ${a.first_fired} · updated ${a.last_updated}`;
    document.getElementById("ev-facts").replaceChildren(
      el("dt", {}, "why"), el("dd", {}, a.reason || ""),
      el("dt", {}, "rule"), el("dd", {}, `${a.kind}: ${a.rule}`),
      el("dt", {}, "evidence"), el("dd", {}, `${a.n_clusters} event(s) from ${a.n_events} report(s), ` +
                                             `${a.window_start} to ${a.window_end}`));
    const box = document.getElementById("ev-text");
    box.replaceChildren(el("p", { class: "muted" }, "Click a sentence to read it in its article."),
      ...a.evidence.map(x => el("p", { class: "alert-evidence", onclick: () => showEvidence(x.event_id, true) },
        el("span", { class: "muted" }, `${x.day} · ${x.part} · CAMEO ${x.cameo} · ${x.modality}` +
                                       (x.attributed_to_text ? ` (${x.attributed_to_text})` : "") + " — "),
        x.sentence || "")));
  } catch (e) { showError(e.message); }
}

// ---- evidence ----------------------------------------------------------------------------------
async function showEvidence(eventId, push) {
  if (!eventId) { closeEvidence(false); return; }
  state.ev = eventId;
  if (push) writeState(true);
  document.querySelectorAll("#events tr.selected").forEach(r => r.classList.remove("selected"));
  document.querySelector(`#events tr[data-event="${CSS.escape(eventId)}"]`)?.classList.add("selected");
  try {
    const ev = await get("/events/" + encodeURIComponent(eventId));
    const art = await get("/articles/" + encodeURIComponent(ev.article_id));
    renderEvidence(ev, art);
  } catch (e) { showError(e.message); }
}

function renderEvidence(ev, art) {
  const aside = document.getElementById("evidence");
  aside.hidden = false;
  document.getElementById("ev-title").textContent = art.title || art.article_id;
  document.getElementById("ev-meta").textContent =
    [art.publisher, art.date, art.url].filter(Boolean).join(" · ");
  const facts = [
    ["event", `${ev.cameo} ${ev.cameo_name || ""}${ev.plover_type ? " · PLOVER " + ev.plover_type : ""}${ev.plover_mode ? " / " + ev.plover_mode : ""}` +
              (ev.acled ? ` · ACLED: ${ev.acled}` : "")],
    ["who", actor(ev.source_text, ev.source_code)], ["to whom", actor(ev.target_text, ev.target_code)],
    ["when", `${ev.date || "?"}${ev.date_precision && ev.date_precision !== "day" ? " (" + ev.date_precision + ")" : ""}` +
             (ev.date_from_text === false ? " · publication date" : "")],
    ["where", ev.location_name ? `${ev.location_name}${ev.location_country ? " (" + ev.location_country + ")" : ""}` : "–"],
    ["modality", ev.modality], ["who says so", ev.attributed_to_text ? actor(ev.attributed_to_text, ev.attributed_to_code) : "–"],
    ["Goldstein", ev.goldstein], ["rule", ev.rule], ["confidence", ev.confidence],
  ];
  const dl = document.getElementById("ev-facts");
  dl.replaceChildren(...facts.flatMap(([k, v]) => [el("dt", {}, k), el("dd", { "data-fact": k }, String(v ?? "–"))]));
  const text = art.text || "";
  const mine = art.events.find(e => e.event_id === ev.event_id);
  const box = document.getElementById("ev-text");
  box.replaceChildren();
  // The text in three kinds of run: this event's sentence (its predicate underlined), the other
  // events' sentences, and plain text.
  const cuts = new Set([0, text.length]);
  const sentences = art.marks.filter(m => m.kind === "sentence");
  for (const m of sentences) { cuts.add(m.start); cuts.add(m.end); }
  const pred = art.marks.find(m => m.kind === "predicate" && m.event_id === ev.event_id);
  if (pred) { cuts.add(pred.start); cuts.add(pred.end); }
  const pos = [...cuts].filter(c => c >= 0 && c <= text.length).sort((a, b) => a - b);
  let target = null;
  for (let i = 0; i + 1 < pos.length; i++) {
    const [a, b] = [pos[i], pos[i + 1]];
    const inMine = mine && mine.sentence_start != null && a >= mine.sentence_start && b <= mine.sentence_end;
    const inOther = sentences.some(m => a >= m.start && b <= m.end);
    let node = document.createTextNode(text.slice(a, b));
    if (pred && a >= pred.start && b <= pred.end) node = el("span", { class: "predicate" }, node);
    if (inMine) {
      node = el("mark", { class: "evidence" }, node);
      target = target || node;
    } else if (inOther) node = el("mark", { class: "other" }, node);
    box.append(node);
  }
  if (!text) box.append(el("p", { class: "muted" }, ev.sentence || "(no text stored)"));
  if (target) target.scrollIntoView({ block: "center" });
}

function closeEvidence(push = true) {
  document.getElementById("evidence").hidden = true;
  state.ev = "";
  if (push) writeState(true);
  document.querySelectorAll("#events tr.selected").forEach(r => r.classList.remove("selected"));
}
document.getElementById("close-evidence").addEventListener("click", () => closeEvidence(true));
document.addEventListener("keydown", e => { if (e.key === "Escape") closeEvidence(true); });

// ---- start -------------------------------------------------------------------------------------
async function refresh() {
  showError("");
  document.body.dataset.ready = "0";
  const jobs = [drawTimeline(), drawMap(), drawNetwork(), drawEvents()];
  const results = await Promise.allSettled(jobs);
  const failed = results.find(r => r.status === "rejected");
  if (failed) showError(failed.reason.message);
  document.body.dataset.ready = "1";
}

async function start() {
  fillForm();
  try {
    const [stats, spec] = await Promise.all([get("/stats"), get("/openapi.json")]);
    api.alerts = "/alerts" in (spec.paths || {});
    document.getElementById("stats").textContent =
      `${stats.events.toLocaleString()} events from ${stats.articles.toLocaleString()} articles` +
      (stats.first_date ? `, ${stats.first_date} to ${stats.last_date}` : "");
  } catch (e) { showError(e.message); }
  await refresh();
  if (state.ev) showEvidence(state.ev, false);
}
start();
