// The node dashboard (served at /dashboard/ by the REST server, app/server/dashboard.ts). Plain browser
// JavaScript, no framework: every value comes from the node's REST routes on the same origin; history
// (noz price and supply by height) from the same routes with the `x-cosmos-block-height` header.
// Amounts stay BigInt; only pixel positions are computed as numbers.

const params = new URLSearchParams(location.search);
const REFRESH_MS = Math.max(1000, Number(params.get("refresh") ?? 5000) || 5000);
/** Most epochs listed (the newest volume reports). */
const EPOCH_LIMIT = 24;
/** Most points of each noz history chart. */
const HISTORY_POINTS = 48;
const BLOCK_ROWS = 10;
const TX_ROWS = 10;
const WEI_PER_STOS = 10n ** 18n;
const DEC_SCALE = 10n ** 18n;
const SVG_NS = "http://www.w3.org/2000/svg";
const VOLUME_REPORT = "/stratos.pot.v1.MsgVolumeReport";

// ---- REST ---------------------------------------------------------------------------------------

class RestError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** GET a REST route; `height` asks for the state after that block. */
async function get(path, height) {
  const headers = height === undefined ? {} : { "x-cosmos-block-height": String(height) };
  const res = await fetch(path, { headers, cache: "no-store" });
  const text = await res.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw new RestError(res.status, undefined, `${path}: HTTP ${res.status}`);
  }
  if (!res.ok) throw new RestError(res.status, body.code, body.message ?? `HTTP ${res.status}`);
  return body;
}

const query = (entries) => entries.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");

/** Runs `tasks` (functions returning promises) at most `width` at a time. */
async function limited(tasks, width = 6) {
  const results = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]().then((value) => ({ ok: true, value }), (error) => ({ ok: false, error }));
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, tasks.length) }, worker));
  return results;
}

// ---- numbers ------------------------------------------------------------------------------------

const weiOf = (coins) => (coins ?? []).filter((c) => c.denom === "wei").reduce((sum, c) => sum + BigInt(c.amount), 0n);

/**
 * A Dec as BigInt × 10^18. Accepts "12.500000000000000000" (the SDK gateway's text) and the Dec's
 * binary-proto text, its raw integer "12500000000000000000" (what this node's gateway writes for Dec
 * fields declared as plain strings). Dec text always has 18 decimals, so the two never look alike.
 */
function parseDec(text) {
  const t = String(text);
  if (!t.includes(".")) return BigInt(t);
  const [int, frac] = t.split(".");
  const negative = int.startsWith("-");
  const v = BigInt(int.replace("-", "") || "0") * DEC_SCALE + BigInt((frac + "0".repeat(18)).slice(0, 18));
  return negative ? -v : v;
}

const groupDigits = (digits) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/** value / 10^decimals with at most `shown` fraction digits (trailing zeros cut). */
function fixed(value, decimals, shown) {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const scale = 10n ** BigInt(decimals);
  const int = abs / scale;
  let frac = (abs % scale).toString().padStart(decimals, "0").slice(0, shown).replace(/0+$/, "");
  const text = groupDigits(int.toString()) + (frac ? `.${frac}` : "");
  return negative ? `-${text}` : text;
}

/** wei as STOS, or as wei when below 0.0001 STOS. */
function stos(wei) {
  if (wei !== 0n && (wei < 0n ? -wei : wei) < 10n ** 14n) return `${groupDigits(wei.toString())} wei`;
  return `${fixed(wei, 18, 4)} STOS`;
}

/** wei for chart labels: STOS when ≥ 0.0001 STOS, else compact wei ("243.21G wei"). */
const stosShort = (wei) => (wei !== 0n && wei < 10n ** 14n ? `${compact(wei)} wei` : stos(wei));

/** Short form of a large integer for axis labels: 8.2T, 40M, 1.5k. */
function compact(v) {
  const abs = v < 0n ? -v : v;
  const units = [[10n ** 18n, "E"], [10n ** 15n, "P"], [10n ** 12n, "T"], [10n ** 9n, "G"], [10n ** 6n, "M"], [10n ** 3n, "k"]];
  for (const [size, unit] of units) if (abs >= size) return `${fixed(v * 100n / size, 2, 2)}${unit}`;
  return v.toString();
}

/** Axis labels for noz prices (Dec × 10^18, wei per noz): whole wei when large, else 4 decimals. */
const priceAxis = (v) => (v >= 10n ** 27n ? compact(v / DEC_SCALE) : fixed(v, 18, v >= 100n * DEC_SCALE ? 0 : 4));

/** Axis labels for STOS amounts: compact, in STOS (or wei when below 1 STOS). */
const stosAxis = (wei) => (wei === 0n ? "0" : wei >= WEI_PER_STOS ? compact(wei / WEI_PER_STOS) : `${compact(wei)} wei`);

const short = (s, head = 10, tail = 6) => (s.length > head + tail + 1 ? `${s.slice(0, head)}…${s.slice(-tail)}` : s);
const hexOfBase64 = (b64) => Array.from(atob(b64), (c) => c.charCodeAt(0).toString(16).padStart(2, "0")).join("").toUpperCase();
const typeName = (typeUrl) => String(typeUrl).split(".").pop();

// ---- state --------------------------------------------------------------------------------------

const state = {
  latest: 0,
  /** epoch (string) → { epoch: BigInt, height, txhash, reporter, breakdown, error } */
  epochs: new Map(),
  selectedEpoch: undefined,
  /** height → { price, total, remaining } or null (not answerable, e.g. pruned) */
  noz: new Map(),
  /** height → block row */
  blocks: new Map(),
  /** wallet → monikers text ("" when the wallet owns no node) */
  monikers: new Map(),
  txs: [],
  summary: {},
  errors: {},
  refreshes: 0,
};

// ---- loading ------------------------------------------------------------------------------------

async function loadLatest() {
  const res = await get("/cosmos/base/tendermint/v1beta1/blocks/latest");
  const header = res.sdk_block?.header ?? res.block?.header;
  state.latest = Number(header.height);
  state.chainId = header.chain_id;
  state.latestTime = header.time;
}

async function loadSummary() {
  const [price, supply, mined, resources, metas, report] = await Promise.all([
    get("/stratos/sds/v1/noz_price"),
    get("/stratos/sds/v1/noz_supply"),
    get("/stratos/pot/v1/total_mined_token"),
    get("/stratos/register/v1/resource_node_count"),
    get("/stratos/register/v1/meta_node_count"),
    get("/stratos/pot/v1/volume_report/0"),
  ]);
  state.summary = {
    price: parseDec(price.price),
    supplyTotal: BigInt(supply.total),
    supplyRemaining: BigInt(supply.remaining),
    mined: BigInt(mined.total_mined_token?.amount ?? "0"),
    resources: resources.number,
    metas: metas.number,
    lastEpoch: report.report_info?.epoch ?? "0",
    lastReport: report.report_info,
  };
}

/** The newest volume reports (tx search), each epoch's reward breakdown (per wallet, mining vs traffic). */
async function loadEpochs() {
  let reports = [];
  try {
    const q = query([["events", `message.action='${VOLUME_REPORT}'`], ["order_by", "ORDER_BY_DESC"], ["page", "1"], ["limit", String(EPOCH_LIMIT)]]);
    const res = await get(`/cosmos/tx/v1beta1/txs?${q}`);
    (res.tx_responses ?? []).forEach((r) => {
      if (r.code !== 0) return;
      for (const m of r.tx?.body?.messages ?? []) {
        if (m["@type"] === VOLUME_REPORT) reports.push({ epoch: m.epoch, height: Number(r.height), txhash: r.txhash, reporter: m.reporter, volume: (m.wallet_volumes ?? []).reduce((s, v) => s + BigInt(v.volume), 0n) });
      }
    });
  } catch {
    // No tx index on this node: the last report alone, from the pot store.
    const info = state.summary.lastReport;
    if (info && info.epoch !== "0" && info.tx_hash !== "") reports = [{ epoch: info.epoch, height: undefined, txhash: info.tx_hash, reporter: info.reporter, volume: undefined }];
  }
  for (const r of reports) {
    const known = state.epochs.get(r.epoch);
    state.epochs.set(r.epoch, { ...known, ...r, epoch: BigInt(r.epoch), volume: r.volume ?? known?.volume });
  }
  // A breakdown never changes once its rewards matured; until then `matured` may flip.
  const pending = [...state.epochs.values()].filter((e) => !e.breakdown?.matured && !e.noAudit);
  await limited(pending.map((e) => async () => {
    try {
      const res = await get(`/stratos/pot/v1/reward_breakdown/${e.epoch}`);
      e.breakdown = {
        matured: res.matured,
        totalVolume: BigInt(res.audit?.total_volume || "0"),
        rewards: (res.audit?.rewards ?? []).map((r) => ({ wallet: r.wallet_address, mining: weiOf(r.reward_from_mining_pool), traffic: weiOf(r.reward_from_traffic_pool) })),
      };
    } catch (err) {
      if (!(err instanceof RestError && err.status === 404)) throw err;
      // Reported without an audit (reference mode): the epoch's totals still exist.
      e.noAudit = true;
      const total = await get(`/stratos/pot/v1/total_reward/${e.epoch}`);
      e.breakdown = { matured: undefined, totalVolume: undefined, rewards: [], mining: weiOf(total.total_reward?.mining_reward), traffic: weiOf(total.total_reward?.traffic_reward) };
    }
  }));
  // Keep the newest EPOCH_LIMIT epochs.
  const ordered = [...state.epochs.values()].sort((a, b) => (a.epoch < b.epoch ? 1 : -1));
  for (const e of ordered.slice(EPOCH_LIMIT)) state.epochs.delete(e.epoch.toString());
  if (state.selectedEpoch === undefined || !state.epochs.has(state.selectedEpoch)) state.selectedEpoch = ordered[0]?.epoch.toString();
  await loadMonikers();
}

/** "moniker" of each rewarded wallet's nodes (deposit_by_owner), asked once per wallet. */
async function loadMonikers() {
  const wallets = new Set();
  for (const e of state.epochs.values()) for (const r of e.breakdown?.rewards ?? []) if (!state.monikers.has(r.wallet)) wallets.add(r.wallet);
  await limited([...wallets].map((w) => async () => {
    try {
      const res = await get(`/stratos/register/v1/deposit_by_owner/${w}`);
      state.monikers.set(w, (res.deposit_infos ?? []).map((d) => d.description?.moniker || short(d.network_address, 12, 4)).join(", "));
    } catch {
      state.monikers.set(w, "");
    }
  }));
}

/**
 * Heights to sample: multiples of a power-of-two step (so most stay the same as the chain grows and
 * come from the cache), plus the latest block.
 */
function historyHeights(latest) {
  let step = 1;
  while (latest / step > HISTORY_POINTS) step *= 2;
  const heights = [];
  for (let h = step; h < latest; h += step) heights.push(h);
  if (latest >= 1) heights.push(latest);
  return heights;
}

async function loadNozHistory() {
  const heights = historyHeights(state.latest);
  const missing = heights.filter((h) => !state.noz.has(h));
  const results = await limited(missing.map((h) => async () => {
    const [price, supply] = await Promise.all([get("/stratos/sds/v1/noz_price", h), get("/stratos/sds/v1/noz_supply", h)]);
    return { price: parseDec(price.price), total: BigInt(supply.total), remaining: BigInt(supply.remaining) };
  }));
  missing.forEach((h, i) => {
    const r = results[i];
    // A height the node refuses (400: pruned, or before its first retained version) stays a gap;
    // anything else (busy, timeout) is asked again at the next refresh.
    if (r.ok) state.noz.set(h, r.value);
    else if (r.error instanceof RestError && r.error.status === 400) state.noz.set(h, null);
  });
  const wanted = new Set(heights);
  for (const h of state.noz.keys()) if (!wanted.has(h)) state.noz.delete(h);
}

async function loadBlocks() {
  const heights = [];
  for (let h = state.latest; h >= 1 && heights.length < BLOCK_ROWS; h--) heights.push(h);
  const missing = heights.filter((h) => !state.blocks.has(h));
  const results = await limited(missing.map((h) => () => get(`/cosmos/base/tendermint/v1beta1/blocks/${h}`)));
  missing.forEach((h, i) => {
    if (!results[i].ok) return;
    const res = results[i].value;
    const block = res.sdk_block ?? res.block;
    state.blocks.set(h, {
      height: h,
      time: block.header.time,
      hash: res.block_id?.hash ? hexOfBase64(res.block_id.hash) : "",
      txs: (block.data?.txs ?? []).length,
      proposer: block.header.proposer_address ?? "",
    });
  });
  const wanted = new Set(heights);
  for (const h of state.blocks.keys()) if (!wanted.has(h)) state.blocks.delete(h);
}

async function loadTxs() {
  // SDK GetTxsEvent takes `key=value` conditions; `tx.height>=1` (one "=") matches every indexed tx.
  const q = query([["events", "tx.height>=1"], ["order_by", "ORDER_BY_DESC"], ["page", "1"], ["limit", String(TX_ROWS)]]);
  const res = await get(`/cosmos/tx/v1beta1/txs?${q}`);
  state.txs = (res.tx_responses ?? []).map((r) => ({
    hash: r.txhash,
    height: Number(r.height),
    messages: (r.tx?.body?.messages ?? []).map((m) => typeName(m["@type"])),
    code: r.code,
    codespace: r.codespace,
    gasUsed: r.gas_used,
    gasWanted: r.gas_wanted,
  }));
}

// ---- SVG charts ---------------------------------------------------------------------------------

function svg(tag, attrs = {}, parent) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (parent) parent.appendChild(el);
  return el;
}

function text(parent, x, y, content, attrs = {}) {
  const t = svg("text", { x, y, ...attrs }, parent);
  t.textContent = content;
  return t;
}

function emptyChart(container, message) {
  container.replaceChildren();
  const note = document.createElement("div");
  note.className = "empty";
  note.textContent = message;
  container.appendChild(note);
}

/** Position of `v` in [lo, hi] as a fraction (BigInt arithmetic, then one division). */
const fraction = (v, lo, hi) => (hi === lo ? 0.5 : Number(((v - lo) * 1_000_000n) / (hi - lo)) / 1_000_000);

function legend(root, x, y, items) {
  const g = svg("g", { class: "legend" }, root);
  let at = x;
  for (const [label, cls] of items) {
    svg("rect", { x: at, y: y - 9, width: 10, height: 10, class: cls }, g);
    text(g, at + 14, y, label);
    at += 24 + label.length * 6.5;
  }
}

/**
 * A line chart: `series` = [{ name, cls, points: [{ x: number, y: BigInt }] }], `format(BigInt)` for
 * the y labels. Each series is one <path class="series"> with data-points = its point count.
 */
function lineChart(container, series, format, xLabel) {
  const all = series.flatMap((s) => s.points);
  if (all.length === 0) return emptyChart(container, "no data yet");
  const width = Math.max(320, container.clientWidth || 560);
  const height = 240;
  const m = { left: 88, right: 14, top: 24, bottom: 30 };
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": series.map((s) => s.name).join(", ") });
  let lo = all.reduce((a, p) => (p.y < a ? p.y : a), all[0].y);
  let hi = all.reduce((a, p) => (p.y > a ? p.y : a), all[0].y);
  if (lo === hi) {
    const pad = lo === 0n ? 1n : (lo < 0n ? -lo : lo) / 10n || 1n;
    lo -= pad;
    hi += pad;
  }
  const xs = all.map((p) => p.x);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const px = (x) => m.left + (x1 === x0 ? 0.5 : (x - x0) / (x1 - x0)) * (width - m.left - m.right);
  const py = (y) => height - m.bottom - fraction(y, lo, hi) * (height - m.top - m.bottom);
  for (let i = 0; i <= 4; i++) {
    const v = lo + ((hi - lo) * BigInt(i)) / 4n;
    const y = py(v);
    svg("line", { x1: m.left, x2: width - m.right, y1: y, y2: y, class: "grid" }, root);
    text(root, m.left - 6, y + 4, format(v), { "text-anchor": "end" });
  }
  const ticks = x1 === x0 ? [x0] : [0, 1, 2, 3, 4].map((i) => Math.round(x0 + ((x1 - x0) * i) / 4));
  for (const t of new Set(ticks)) text(root, px(t), height - m.bottom + 16, String(t), { "text-anchor": "middle" });
  text(root, width - m.right, height - 2, xLabel, { "text-anchor": "end" });
  svg("line", { x1: m.left, x2: m.left, y1: m.top, y2: height - m.bottom, class: "axis" }, root);
  svg("line", { x1: m.left, x2: width - m.right, y1: height - m.bottom, y2: height - m.bottom, class: "axis" }, root);
  for (const s of series) {
    if (s.points.length === 0) continue;
    const d = s.points.map((p, i) => `${i === 0 ? "M" : "L"}${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`).join(" ");
    svg("path", { d, class: `series ${s.cls}`, "data-series": s.name, "data-points": s.points.length }, root);
    if (s.points.length <= HISTORY_POINTS + 1) {
      for (const p of s.points) {
        const c = svg("circle", { cx: px(p.x).toFixed(1), cy: py(p.y).toFixed(1), r: 2.5, class: `point ${s.cls}` }, root);
        svg("title", {}, c).textContent = `${s.name} at height ${p.x}: ${format(p.y)}`;
      }
    }
  }
  legend(root, m.left + 4, 14, series.map((s) => [s.name, s.cls]));
  container.replaceChildren(root);
}

/**
 * Bars of several metrics per row (mining and traffic rewards), each metric on its own scale: traffic
 * rewards are often orders of magnitude below mining rewards and would vanish on a shared one.
 * `rows` = [{ key, label, values: [BigInt per metric] }], `metrics` = [[name, cls], …].
 * Horizontal: one line per row (nodes), a column per metric. Vertical: a column per row (epochs), a
 * band per metric. Each row is a <g class="bar-group" data-key> holding one <rect class="bar s-…"
 * data-value> per non-zero value.
 */
function barChart(container, rows, metrics, { horizontal, format, selected, onSelect }) {
  if (rows.length === 0) return emptyChart(container, "no rewards yet");
  const width = Math.max(320, container.clientWidth || 900);
  const maxes = metrics.map((_, k) => rows.reduce((a, r) => (r.values[k] > a ? r.values[k] : a), 0n) || 1n);
  const root = svg("svg", { role: "img", "aria-label": metrics.map((m) => m[0]).join(" and ") });
  const groups = rows.map((r) => svg("g", { class: `bar-group${r.key === selected ? " selected" : ""}`, "data-key": r.key }, root));
  const bar = (g, r, k, x, y, w, h) => {
    const rect = svg("rect", { x: x.toFixed(1), y: y.toFixed(1), width: w.toFixed(1), height: h.toFixed(1), class: `bar ${metrics[k][1]}`, "data-value": r.values[k].toString() }, g);
    svg("title", {}, rect).textContent = `${r.label} — ${metrics[k][0]}: ${format(r.values[k])}`;
  };
  let height;
  if (horizontal) {
    const m = { left: 200, top: 30, bottom: 6, gap: 24, valueRoom: 120 };
    const rowH = 24;
    height = m.top + rows.length * rowH + m.bottom;
    const columnW = (width - m.left - m.gap * (metrics.length - 1)) / metrics.length;
    const span = columnW - m.valueRoom;
    metrics.forEach(([name, cls], k) => {
      const x0 = m.left + k * (columnW + m.gap);
      svg("rect", { x: x0, y: 8, width: 10, height: 10, class: cls }, root);
      text(root, x0 + 14, 17, name, { class: "value-label" });
      svg("line", { x1: x0, x2: x0, y1: m.top - 4, y2: height - m.bottom, class: "axis" }, root);
    });
    rows.forEach((r, i) => {
      const g = groups[i];
      const y = m.top + i * rowH;
      text(g, m.left - 10, y + rowH / 2 + 4, r.label, { "text-anchor": "end" });
      metrics.forEach((_, k) => {
        const x0 = m.left + k * (columnW + m.gap);
        const w = fraction(r.values[k], 0n, maxes[k]) * span;
        if (r.values[k] !== 0n) bar(g, r, k, x0, y + 4, Math.max(1, w), rowH - 8);
        text(g, x0 + w + 6, y + rowH / 2 + 4, format(r.values[k]), { class: "value-label" });
      });
    });
  } else {
    const m = { left: 88, right: 14, top: 8, bottom: 24, bandGap: 30 };
    const bandH = 110;
    height = m.top + metrics.length * (bandH + m.bandGap) + m.bottom - m.bandGap + 8;
    const slot = (width - m.left - m.right) / rows.length;
    const barW = Math.max(4, Math.min(48, slot * 0.6));
    metrics.forEach(([name, cls], k) => {
      const top = m.top + k * (bandH + m.bandGap) + 18;
      const base = top + bandH - 18;
      svg("rect", { x: m.left, y: top - 17, width: 10, height: 10, class: cls }, root);
      text(root, m.left + 14, top - 8, name, { class: "value-label" });
      for (let i = 0; i <= 2; i++) {
        const v = (maxes[k] * BigInt(i)) / 2n;
        const y = base - fraction(v, 0n, maxes[k]) * (bandH - 18);
        svg("line", { x1: m.left, x2: width - m.right, y1: y, y2: y, class: "grid" }, root);
        text(root, m.left - 6, y + 4, format(v), { "text-anchor": "end" });
      }
      svg("line", { x1: m.left, x2: width - m.right, y1: base, y2: base, class: "axis" }, root);
      rows.forEach((r, i) => {
        if (r.values[k] === 0n) return;
        const h = Math.max(1, fraction(r.values[k], 0n, maxes[k]) * (bandH - 18));
        bar(groups[i], r, k, m.left + slot * i + (slot - barW) / 2, base - h, barW, h);
      });
    });
    const every = Math.ceil(rows.length / 30);
    rows.forEach((r, i) => {
      if (i % every === 0) text(groups[i], m.left + slot * i + slot / 2, height - 8, r.label, { "text-anchor": "middle" });
    });
  }
  root.setAttribute("viewBox", `0 0 ${width} ${height}`);
  if (onSelect) {
    root.addEventListener("click", (ev) => {
      const g = ev.target.closest?.(".bar-group");
      if (g) onSelect(g.getAttribute("data-key"));
    });
  }
  container.replaceChildren(root);
}

// ---- rendering ----------------------------------------------------------------------------------

const $ = (id) => document.getElementById(id);

function cell(row, content, cls) {
  const td = document.createElement("td");
  td.textContent = content;
  if (cls) td.className = cls;
  row.appendChild(td);
  return td;
}

function fillTable(id, items, fill, emptyText) {
  const body = $(id).tBodies[0];
  body.replaceChildren();
  if (items.length === 0) {
    const row = body.insertRow();
    const td = cell(row, emptyText, "note");
    td.colSpan = $(id).tHead.rows[0].cells.length;
    return;
  }
  for (const item of items) fill(body.insertRow(), item);
}

function sectionError(container, key) {
  const message = state.errors[key];
  if (!message) return false;
  container.replaceChildren();
  const note = document.createElement("div");
  note.className = "note error";
  note.textContent = `could not load: ${message}`;
  container.appendChild(note);
  return true;
}

const ago = (iso) => {
  const seconds = Math.round((Date.now() - Date.parse(iso)) / 1000);
  return seconds < 120 ? `${seconds}s ago` : seconds < 7200 ? `${Math.round(seconds / 60)}m ago` : new Date(iso).toLocaleString();
};

function epochTotals(e) {
  const b = e.breakdown;
  if (!b) return { mining: 0n, traffic: 0n };
  if (b.mining !== undefined) return { mining: b.mining, traffic: b.traffic };
  return b.rewards.reduce((t, r) => ({ mining: t.mining + r.mining, traffic: t.traffic + r.traffic }), { mining: 0n, traffic: 0n });
}

function selectEpoch(key) {
  if (!state.epochs.has(key)) return;
  state.selectedEpoch = key;
  renderEpochs();
  renderNodes();
}

function renderHeader() {
  $("chain-id").textContent = state.chainId ?? "…";
  $("latest-height").textContent = state.latest ? String(state.latest) : "…";
  $("latest-time").textContent = state.latestTime ? `block ${ago(state.latestTime)}` : "";
  const failed = Object.entries(state.errors).filter(([, v]) => v);
  const status = $("status");
  status.className = failed.length ? "status error" : "status";
  status.textContent = failed.length ? `errors: ${failed.map(([k]) => k).join(", ")}` : `updated ${new Date().toLocaleTimeString()} · every ${REFRESH_MS / 1000}s`;
}

function renderSummary() {
  const s = state.summary;
  const set = (key, value) => (document.querySelector(`[data-summary="${key}"]`).textContent = value);
  if (s.price === undefined) return;
  set("epoch", s.lastEpoch === "0" ? "none yet" : s.lastEpoch);
  set("noz-price", fixed(s.price, 18, 4));
  set("noz-supply", `${compact(s.supplyTotal)} / ${compact(s.supplyRemaining)}`);
  set("mined", stos(s.mined));
  set("nodes", `${s.resources} / ${s.metas}`);
}

function renderEpochs() {
  const chart = $("chart-epochs");
  if (sectionError(chart, "epochs")) return;
  const epochs = [...state.epochs.values()].sort((a, b) => (a.epoch < b.epoch ? -1 : 1));
  barChart(
    chart,
    epochs.map((e) => {
      const t = epochTotals(e);
      return { key: e.epoch.toString(), label: e.epoch.toString(), values: [t.mining, t.traffic] };
    }),
    [["mining reward", "s-mining"], ["traffic reward", "s-traffic"]],
    { horizontal: false, format: stosAxis, selected: state.selectedEpoch, onSelect: selectEpoch },
  );
  fillTable("epochs-table", [...epochs].reverse(), (row, e) => {
    const t = epochTotals(e);
    const key = e.epoch.toString();
    row.className = `clickable${key === state.selectedEpoch ? " selected" : ""}`;
    row.addEventListener("click", () => selectEpoch(key));
    cell(row, key);
    cell(row, e.height === undefined ? "–" : String(e.height));
    cell(row, short(e.reporter ?? "", 12, 6), "mono");
    const volume = e.breakdown?.totalVolume ?? e.volume;
    cell(row, volume === undefined ? "–" : groupDigits(volume.toString()), "num");
    cell(row, stos(t.mining), "num");
    cell(row, stos(t.traffic), "num");
    cell(row, e.breakdown && !e.noAudit ? String(e.breakdown.rewards.length) : "–", "num");
    cell(row, e.breakdown?.matured === undefined ? "–" : e.breakdown.matured ? "yes" : "not yet");
  }, "no volume report yet");
}

function renderNodes() {
  $("selected-epoch").textContent = state.selectedEpoch ?? "–";
  const chart = $("chart-node-rewards");
  if (sectionError(chart, "epochs")) return;
  const e = state.selectedEpoch === undefined ? undefined : state.epochs.get(state.selectedEpoch);
  const rewards = [...(e?.breakdown?.rewards ?? [])].sort((a, b) => (a.mining + a.traffic < b.mining + b.traffic ? 1 : -1));
  const label = (w) => {
    const moniker = state.monikers.get(w);
    return moniker ? `${short(moniker, 14, 0)} (${short(w, 6, 4)})` : short(w, 10, 6);
  };
  if (e?.noAudit) emptyChart(chart, `epoch ${state.selectedEpoch} has no per-node breakdown (reported without an audit)`);
  else barChart(chart, rewards.map((r) => ({ key: r.wallet, label: label(r.wallet), values: [r.mining, r.traffic] })), [["mining reward", "s-mining"], ["traffic reward", "s-traffic"]], { horizontal: true, format: stosShort });
  fillTable("nodes-table", rewards, (row, r) => {
    cell(row, r.wallet, "mono");
    cell(row, state.monikers.get(r.wallet) || "–");
    cell(row, stos(r.mining), "num");
    cell(row, stos(r.traffic), "num");
    cell(row, stos(r.mining + r.traffic), "num");
  }, e ? "no rewards in this epoch" : "no volume report yet");
}

function renderNoz() {
  const price = $("chart-noz-price");
  const supply = $("chart-noz-supply");
  const failed = [sectionError(price, "noz"), sectionError(supply, "noz")];
  if (failed.some(Boolean)) return;
  const points = [...state.noz.entries()].filter(([, v]) => v).sort(([a], [b]) => a - b);
  lineChart(price, [{ name: "noz price", cls: "s-price", points: points.map(([h, v]) => ({ x: h, y: v.price })) }], priceAxis, "block height");
  lineChart(supply, [
    { name: "total noz", cls: "s-supply-total", points: points.map(([h, v]) => ({ x: h, y: v.total })) },
    { name: "remaining noz", cls: "s-supply-remaining", points: points.map(([h, v]) => ({ x: h, y: v.remaining })) },
  ], compact, "block height");
}

function renderBlocks() {
  const blocks = [...state.blocks.values()].sort((a, b) => b.height - a.height);
  fillTable("blocks-table", blocks, (row, b) => {
    cell(row, String(b.height));
    cell(row, new Date(b.time).toLocaleTimeString());
    cell(row, short(b.hash, 10, 6), "mono");
    cell(row, String(b.txs), "num");
    cell(row, short(b.proposer, 14, 6), "mono");
  }, state.errors.blocks ? `could not load: ${state.errors.blocks}` : "no blocks yet");
}

function renderTxs() {
  fillTable("txs-table", state.txs, (row, t) => {
    cell(row, short(t.hash, 10, 6), "mono");
    cell(row, String(t.height));
    cell(row, t.messages.join(", "));
    cell(row, t.code === 0 ? "ok" : `${t.codespace}/${t.code}`, t.code === 0 ? "ok" : "fail");
    cell(row, groupDigits(String(t.gasUsed ?? "")), "num");
  }, state.errors.txs ? `could not load: ${state.errors.txs}` : "no transactions yet");
}

function render() {
  renderHeader();
  renderSummary();
  renderEpochs();
  renderNodes();
  renderNoz();
  renderBlocks();
  renderTxs();
}

// ---- refresh loop -------------------------------------------------------------------------------

async function refresh() {
  try {
    await loadLatest();
    state.errors.node = undefined;
  } catch (err) {
    state.errors.node = err.message;
    renderHeader();
    return;
  }
  const parts = { summary: loadSummary, noz: loadNozHistory, blocks: loadBlocks, txs: loadTxs };
  const settled = await Promise.allSettled(Object.values(parts).map((f) => f()));
  Object.keys(parts).forEach((k, i) => (state.errors[k] = settled[i].status === "rejected" ? String(settled[i].reason?.message ?? settled[i].reason) : undefined));
  // Epochs use the summary's last report when the node has no tx index.
  try {
    await loadEpochs();
    state.errors.epochs = undefined;
  } catch (err) {
    state.errors.epochs = String(err.message ?? err);
  }
  render();
  state.refreshes++;
  document.body.dataset.refreshes = String(state.refreshes);
  document.body.dataset.state = "ready";
}

async function loop() {
  await refresh().catch((err) => {
    state.errors.page = String(err?.message ?? err);
    renderHeader();
  });
  setTimeout(loop, REFRESH_MS);
}

let resizeTimer;
window.addEventListener("resize", () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(render, 200);
});

loop();
