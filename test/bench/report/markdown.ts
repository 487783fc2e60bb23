/**
 * The README's performance section from the result files: one table of ours vs each peer, the
 * machine and date, and how to reproduce. Every figure comes from a result object; none is typed in.
 */
import type { ActivationFigures } from '../activation/activation-bench';
import type { BulkUpdateFigures } from '../bulk-update/bulk-update-bench';
import type { BundleFigures } from '../bundle/bundle-bench';
import type { DiffCostFigures } from '../diff-cost/diff-cost-bench';
import type { EditorLoopFigures, StepFigures } from '../editor-loop/editor-loop-bench';
import type { ListingFigures, ListingPeerFigures } from '../listing/listing-bench';
import type { NodeUpdateFigures } from '../node-update/node-update-bench';
import { describeMachine, type MachineFacts } from '../support/machine';
import type { BenchResult } from '../support/result-file';
import { ratio, type Spread } from '../support/stats';
import { bytes, count, duration, micros, millis, seconds, versus } from './format';

export interface RunResults {
  machine: MachineFacts;
  totalMs: number;
  command: string;
  /** Where the result files are, relative to the repository. */
  outDir: string;
  bulkUpdate?: BenchResult<BulkUpdateFigures>;
  nodeUpdate?: BenchResult<NodeUpdateFigures>;
  listing?: BenchResult<ListingFigures>;
  editorLoop?: BenchResult<EditorLoopFigures>;
  diffCost?: BenchResult<DiffCostFigures>;
  bundle?: BenchResult<BundleFigures>;
  activation?: BenchResult<ActivationFigures>;
}

type Row = [benchmark: string, ours: string, peer: string, comparison: string];

function bulkRows(figures: BulkUpdateFigures, what = 'Bulk update', unit = 'records'): Row[] {
  const rows: Row[] = [];
  for (const scenario of figures.scenarios) {
    const ours = scenario.peers.find((p) => p.peer === 'ours');
    const { floor } = scenario;
    const describe = (p: (typeof scenario.peers)[number]) =>
      `${seconds(p.wallMs)} (${seconds(p.wallMsMin)}–${seconds(p.wallMsMax)}) = ${p.toFloor?.toFixed(2) ?? '–'}× floor · ` +
      `${count(p.requests)} requests · ${count(p.throttled)} × 429 · ${count(p.itemsNotApplied)} not applied · ` +
      `client CPU ${micros(p.clientCpuUsPerRecord)}/record`;
    const floorText = `floor ${seconds(floor.floorMs)} (${floorTerms(floor)})`;
    const title = `${what}, ${count(figures.records)} ${unit}, median of ${figures.repetitions} interleaved runs — ${scenario.title}; ${floorText}`;
    const peers = scenario.peers.filter((p) => p.peer !== 'ours');
    peers.forEach((peer, i) => {
      rows.push([
        i === 0 ? title : '〃',
        i === 0 && ours ? describe(ours) : '〃',
        `${peer.label}: ${describe(peer)}`,
        comparedWith(peer, ours, scenario.speedup[peer.peer]),
      ]);
    });
  }
  return rows;
}

type Floor = BulkUpdateFigures['scenarios'][number]['floor'];

/** Every term of a floor with its figure, which one bounds it, and the ideal client beside it where one ran. */
export function floorTerms(floor: Floor): string {
  const held = floor.occupancy
    ? `Σ (latency drawn + own handling) / concurrency = ${seconds(floor.concurrencyMs)}`
    : `× mean latency / concurrency = ${seconds(floor.concurrencyMs)}`;
  const terms = [
    `${floor.boundBy}: ${count(floor.requests)} requests past the burst / rate + shortest latency = ${seconds(floor.rateMs)}`,
    held,
    `emulator busy ${seconds(floor.serverBusyMs)} + shortest latency = ${seconds(floor.serverMs)}`,
  ];
  if (floor.slotsMs !== undefined)
    terms.push(`rounds × (shortest latency + shortest own handling) = ${seconds(floor.slotsMs)}`);
  const ideal = floor.idealClient;
  if (ideal)
    terms.push(
      `an ideal client (prebuilt upserts, no reads): ${seconds(ideal.wallMs)}` +
        (ideal.runs > 1 ? ` (${seconds(ideal.wallMsMin)}–${seconds(ideal.wallMsMax)})` : '') +
        (ideal.itemsNotApplied > 0 ? `, ${count(ideal.itemsNotApplied)} not applied` : ''),
    );
  return terms.join('; ');
}

type BulkPeer = BulkUpdateFigures['scenarios'][number]['peers'][number];

/**
 * A speed ratio only between runs that did the same work: a client that left records unapplied
 * finished less, so how fast it was says nothing; the cell says how many it left instead.
 */
export function comparedWith(peer: BulkPeer, ours: BulkPeer | undefined, speedup: number | undefined): string {
  if (ours && ours.itemsNotApplied > 0) return `– (ours left ${count(ours.itemsNotApplied)} not applied)`;
  if (peer.itemsNotApplied > 0) return `– (the peer left ${count(peer.itemsNotApplied)} not applied)`;
  return versus(speedup);
}

function listingRows(figures: ListingFigures, settings: Record<string, unknown>): Row[] {
  const base = figures.peers.find((p) => p.peer === 'ours-partitioned');
  const describe = (p: ListingPeerFigures) =>
    `${seconds(p.wallMs)} · peak RSS ${bytes(p.peakRssBytes)}, live heap ${bytes(p.liveHeapBytes)} · ${count(p.requests)} requests · ${count(p.throttled)} × 429${p.complete ? '' : ' · INCOMPLETE'}`;
  const throttle = settings.throttle as { requestsPerSecond: number; concurrency: number };
  const latency = `${String(settings.latencyMs)}–${Number(settings.latencyMs) + Number(settings.latencyJitterMs)} ms`;
  const title = `Full listing, ${count(figures.records)} records kept in memory (${throttle.requestsPerSecond} req/s, ${throttle.concurrency} concurrent, ${latency} per page)`;
  const rows: Row[] = [];
  // Our other variants are peers only in the sense of "another way"; the streaming one is not the same work.
  const peers = figures.peers.filter((p) => p !== base && p.peer !== 'ours-partitioned-streaming');
  peers.forEach((peer, i) => {
    const vs = figures.versusPartitioned[peer.peer];
    rows.push([
      i === 0 ? title : '〃',
      i === 0 && base ? `${base.label}: ${describe(base)}` : '〃',
      `${peer.label}: ${describe(peer)}`,
      `${versus(vs?.wallTime)}, ${versus(vs?.peakRss, 'less memory', 'more memory')}`,
    ]);
  });
  const streaming = figures.peers.find((p) => p.peer === 'ours-partitioned-streaming');
  if (streaming) {
    rows.push([
      `CSV export of ${count(figures.records)} records by a filter, through the product's export code (a keys pass, then the rows; partitioned; pages not kept)`,
      `${streaming.label}: ${describe(streaming)}`,
      '–',
      '–',
    ]);
  }
  rows.push([
    `Emulator start, ${count(figures.records)} records`,
    `${seconds(figures.emulator.startMs)} to generate and listen (${seconds(figures.emulator.spawnToReadyMs)} from process start), RSS ${bytes(figures.emulator.rssBytes)}`,
    '–',
    '–',
  ]);
  return rows;
}

function stepRow(title: string, step: StepFigures, oursExtra = '', sdkExtra = ''): Row {
  const describe = (s: StepFigures['ours'], first: number) =>
    `${millis(s.medianMs)} median, ${millis(s.p95Ms)} p95, first call ${millis(first)}`;
  return [
    title,
    describe(step.ours, step.firstCallMs.ours) + oursExtra,
    `@cognite/sdk, same requests: ${describe(step.sdk, step.firstCallMs.sdk)}${sdkExtra}`,
    versus(step.speedup),
  ];
}

function editorRows(figures: EditorLoopFigures): Row[] {
  const { save } = figures;
  return [
    stepRow(`Tree's first page (files/list of ${figures.pageSize}, loopback, no added latency)`, figures.firstPage),
    stepRow('Open to editable (byids + render the document)', figures.openToEditable),
    stepRow(
      'Save round trip (parse, validate, diff; re-read; update)',
      save,
      ` · ${save.requestsPerSave.ours} requests per save (floor: 2), ${save.requestsPerUnchangedSave} when nothing changed`,
      ` · ${save.requestsPerSave.sdk} requests per save`,
    ),
  ];
}

function diffRows(figures: DiffCostFigures): Row[] {
  const m = figures.micros;
  return [
    [
      `diff per record, largest record the limits allow (${bytes(figures.recordJsonBytes)} of JSON)`,
      `typical edit ${micros(m.diffTypicalEdit.medianUs)} · no edit ${micros(m.diffNoEdit.medianUs)} · every field changed ${micros(m.diffEveryFieldChanged.medianUs)}; sends ${bytes(figures.bytesSent.minimalTypicalEdit)}`,
      `naive full \`set\` of every field (build + JSON.stringify): ${micros(m.naiveFullSet.medianUs)}; sends ${bytes(figures.bytesSent.naiveFullSet)}`,
      `${versus(ratio(m.naiveFullSet.medianUs, m.diffTypicalEdit.medianUs), 'less CPU', 'more CPU')}, ${versus(ratio(figures.bytesSent.naiveFullSet, figures.bytesSent.minimalTypicalEdit), 'fewer bytes', 'more bytes')}`,
    ],
    [
      'planSave per record (parse with positions + validate + diff), same record',
      `${micros(m.planSaveTypicalEdit.medianUs)} (document text ${bytes(figures.documentTextBytes)}); render: ${micros(m.renderDocument.medianUs)}`,
      '–',
      '–',
    ],
  ];
}

function bundleRows(figures: BundleFigures): Row[] {
  const top = figures.extension.largestContributors
    .slice(0, 5)
    .map((c) => `${c.name} ${bytes(c.bytes)}`)
    .join(', ');
  return [
    [
      'Extension bundle, minified (production build options)',
      `${bytes(figures.extension.bytes)} (${bytes(figures.extension.gzipBytes)} gzip); largest: ${top}`,
      `@cognite/sdk bundled alone, same options: ${bytes(figures.sdk.bytes)} (${bytes(figures.sdk.gzipBytes)} gzip)`,
      versus(figures.sdkVersusOurs.bundleBytes, 'smaller', 'larger'),
    ],
    [
      'Loaded on first use, not at activation (the demo emulator; the sign-in flows with openid-client)',
      figures.firstUse.map((p) => `${p.file} ${bytes(p.bytes)} (${bytes(p.gzipBytes)} gzip)`).join(', '),
      '–',
      '–',
    ],
    [
      'Load cost: `require` of the bundle without the editor layer',
      `${millis(figures.withoutEditorLayer.requireMs.medianMs)} median (${bytes(figures.withoutEditorLayer.bytes)}, ${figures.withoutEditorLayer.inputs} source modules)`,
      `\`require('@cognite/sdk')\`: ${millis(figures.sdk.requireMs.medianMs)} median`,
      versus(figures.sdkVersusOurs.requireMs),
    ],
  ];
}

const spreadText = (s: Spread): string =>
  `${millis(s.medianMs)} median (${millis(s.minMs)}–${millis(s.maxMs)}, ${s.samples} ${s.samples === 1 ? 'run' : 'runs'})`;

function activationRows(figures: ActivationFigures): Row[] {
  return [
    [
      `Activation in the real extension host (code-server ${figures.vscodeVersion}, production bundle of ${bytes(figures.extensionBytes)})`,
      `in activate(): ${spreadText(figures.activateMs)}`,
      '–',
      '–',
    ],
    [
      "Activation to the demo project's first tree page (emulator loaded and started, files/list)",
      spreadText(figures.firstPageMs),
      '–',
      '–',
    ],
  ];
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function markdownReport(results: RunResults): string {
  const rows: Row[] = [
    ...(results.bulkUpdate ? bulkRows(results.bulkUpdate.figures) : []),
    ...(results.nodeUpdate ? bulkRows(results.nodeUpdate.figures, 'CogniteFile bulk update', 'nodes') : []),
    ...(results.listing ? listingRows(results.listing.figures, results.listing.settings) : []),
    ...(results.editorLoop ? editorRows(results.editorLoop.figures) : []),
    ...(results.diffCost ? diffRows(results.diffCost.figures) : []),
    ...(results.bundle ? bundleRows(results.bundle.figures) : []),
    ...(results.activation ? activationRows(results.activation.figures) : []),
  ];
  const lines = [
    `Measured ${results.machine.date.slice(0, 10)} on ${describeMachine(results.machine)}.`,
    `\`${results.command}\` took ${duration(results.totalMs)}; every figure below is from that one run, and each result file in \`${results.outDir}/\` holds the settings and the raw numbers.`,
    '',
    '| Benchmark | Ours | Peer (same work, same emulator settings) | Ours vs peer |',
    '|---|---|---|---|',
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ];
  if (results.bundle) {
    const contributors = results.bundle.figures.extension.largestContributors
      .map((c, i) => `${i + 1}. ${c.name}: ${bytes(c.bytes)} (${c.files} ${c.files === 1 ? 'file' : 'files'})`)
      .join('\n');
    lines.push('', 'Largest contributors to the minified extension bundle:', '', contributors);
  }
  return lines.join('\n') + '\n';
}
