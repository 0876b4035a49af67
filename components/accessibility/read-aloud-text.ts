// The pure half of 朗读 (read-aloud): what text a page reads out, cut into pieces the browser's speech
// synthesis speaks reliably, and which voice reads it. No DOM globals here, so it is unit-tested in
// Node (tests/unit/read-aloud-text.test.ts); read-aloud.tsx hands it the live DOM.

/** The part of a DOM node the extraction reads (a real Node satisfies it). */
export type ReadableNode = {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly nodeValue: string | null;
  readonly childNodes: ArrayLike<ReadableNode>;
  getAttribute?(name: string): string | null;
};

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

// Navigation is the same on every page and already heard; form controls would read out values and
// button captions between the sentences. The labels, legends and questions of a form are kept: on
// the one-question-per-screen checks the question is what the reader wants to hear.
const SKIPPED = new Set([
  "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "NAV", "INPUT", "SELECT", "OPTION", "TEXTAREA", "BUTTON",
  "SVG", "CANVAS", "IFRAME", "OBJECT", "VIDEO", "AUDIO", "DIALOG",
]);

// Elements that end a line of speech, so a heading and the paragraph under it are not run together.
const BLOCKS = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "CAPTION", "DD", "DETAILS", "DIV", "DL", "DT", "FIELDSET",
  "FIGCAPTION", "FIGURE", "FOOTER", "FORM", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR", "LABEL",
  "LEGEND", "LI", "MAIN", "OL", "P", "PRE", "SECTION", "SUMMARY", "TABLE", "TD", "TH", "TR", "UL",
]);

/**
 * The text of `root` as lines of speech: skips navigation, form controls, `aria-hidden="true"`,
 * `hidden`, `[data-read-aloud-skip]` and whatever `isHidden` says is not shown (display: none, a
 * closed <details>). Visually hidden (.sr-only) text is kept: it was written to be heard.
 */
export function extractReadableText(root: ReadableNode, isHidden: (node: ReadableNode) => boolean = () => false): string {
  const parts: string[] = [];
  const walk = (node: ReadableNode) => {
    if (node.nodeType === TEXT_NODE) {
      // Line breaks in the markup are layout, not speech: only blocks and <br> end a line.
      parts.push((node.nodeValue ?? "").replace(/\s+/g, " "));
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const tag = node.nodeName.toUpperCase();
    const attr = (name: string) => node.getAttribute?.(name) ?? null;
    if (SKIPPED.has(tag) || attr("aria-hidden") === "true" || attr("hidden") !== null || attr("data-read-aloud-skip") !== null) return;
    if (isHidden(node)) return;
    if (tag === "BR") {
      parts.push("\n");
      return;
    }
    if (tag === "IMG") {
      parts.push(attr("alt") ?? "");
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) parts.push("\n");
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]);
    if (block) parts.push("\n");
  };
  walk(root);
  return parts
    .join("")
    .split("\n")
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join("\n");
}

const SENTENCE = /.+?(?:[。！？；!?;…]+[”’"'）)」』]*|$)/gu;
const CLAUSE = /.+?(?:[，、,：:]+|$)/gu;
const SPEAKABLE = /[\p{L}\p{N}]/u;
// Arrows, ⚠, ✓, ★ and emoji are pictures for the eye; a synthesiser would name them ("左箭头").
const PICTOGRAPHS = /[\p{So}\u2190-\u21ff]/gu;

/**
 * Cuts text into utterances: one per sentence (。！？；), longer sentences at commas, and nothing
 * longer than `max` characters — Chrome silently stops an utterance after about 15 seconds, and
 * short pieces also let 暂停 take effect at a natural break. Symbols drawn for the eye (← ⚠ ✓) are
 * left out, and so are pieces of bare punctuation.
 */
export function splitForSpeech(text: string, max = 80): string[] {
  const out: string[] = [];
  for (const line of text.split("\n")) {
    for (const sentence of line.match(SENTENCE) ?? []) {
      for (const piece of fitLength(speakableDigits(sentence.replace(PICTOGRAPHS, "")).trim(), max)) {
        if (SPEAKABLE.test(piece)) out.push(piece);
      }
    }
  }
  return out;
}

function fitLength(sentence: string, max: number): string[] {
  if (sentence.length <= max) return [sentence];
  const pieces: string[] = [];
  let current = "";
  for (const clause of sentence.match(CLAUSE) ?? [sentence]) {
    if (current && current.length + clause.length > max) {
      pieces.push(current.trim());
      current = "";
    }
    current += clause;
    while (current.length > max) {
      pieces.push(current.slice(0, max).trim());
      current = current.slice(max);
    }
  }
  if (current.trim()) pieces.push(current.trim());
  return pieces;
}

/**
 * Long digit strings — the 12348 hotline, phone numbers, case numbers — are said digit by digit
 * ("1 2 3 4 8"), as people say them; a synthesiser would otherwise read 12348 as 一万二千三百四十八.
 * A number followed by a unit (元, 人, 万 …) is an amount and stays whole.
 */
export function speakableDigits(text: string): string {
  return text.replace(/\d{5,}(?!\d|[.,]\d|\s*[元万亿人户件个份次名岁米%％])/g, (digits) => digits.split("").join(" "));
}

/** The parts of a SpeechSynthesisVoice the choice looks at. */
export type VoiceLike = { readonly lang: string; readonly localService: boolean; readonly default: boolean };

function mandarinRank(lang: string): number {
  const l = lang.replace(/_/g, "-").toLowerCase();
  if (/^(zh|cmn)(-hans)?-cn$/.test(l)) return 4;
  if (/^(zh|cmn)(-hans)?$/.test(l) || l === "zh-sg" || l === "cmn-hans-sg") return 3;
  if (/^(zh|cmn)(-hant)?-tw$/.test(l) || l === "zh-hant") return 2;
  if (/^(zh|yue)(-|$)/.test(l)) return 1;
  return 0;
}

/**
 * The voice to read Simplified Chinese with: mainland Mandarin first, then other Mandarin, then any
 * Chinese voice — and only voices on the device (localService). An online voice (Chrome's "Google
 * 普通话") sends the text to a remote server, and the text may be a resident's own case; the portal
 * promises reading without it leaving the browser. Null when there is no such voice: the control is
 * then left out, rather than have an English voice spell out the characters.
 */
export function chooseVoice<V extends VoiceLike>(voices: readonly V[]): V | null {
  let best: V | null = null;
  let bestScore = 0;
  for (const v of voices) {
    const rank = mandarinRank(v.lang);
    if (!rank || !v.localService) continue;
    const score = rank * 2 + (v.default ? 1 : 0);
    if (score > bestScore) {
      best = v;
      bestScore = score;
    }
  }
  return best;
}
