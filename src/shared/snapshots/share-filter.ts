import { stringifyJson } from '../../lib/stringify-deep.ts';
import { catalogEntry, isToolOutput, type HeldContent } from '../items/item-catalog.ts';
import { IMAGE_LEFT_OUT } from './image-left-out.ts';
import { movedIndex, Pseudonymizer, replaceNoting, type PseudonymKind, type RedactKind, type Replacement, type TextEdit } from './pseudonyms.ts';
import { RunTallier, type RunTally } from './run-tally.ts';
import { parseKeepingNumbers } from '../items/kept-numbers.ts';

/** Content inside items a reader can leave out of what they share. */
export const CONTENT_CATEGORIES = ['tool_outputs', 'reasoning', 'images', 'encrypted'] as const;
export type ContentCategory = (typeof CONTENT_CATEGORIES)[number];

/** What to leave out and what to replace: the body of a snapshot, its preview, or a download. */
export interface ShareRules {
  exclude?: { roles?: readonly string[]; types?: readonly string[]; item_ids?: readonly string[]; content?: readonly ContentCategory[] };
  redact?: { kinds?: readonly RedactKind[]; terms?: readonly string[] };
}

/** What was left out and replaced, by category and count, with the run as it was before. Never the terms themselves. */
export interface ShareManifest {
  left_out: { items: number } & Record<ContentCategory, number>;
  replaced: Partial<Record<PseudonymKind, number>>;
  rules: { roles: string[]; types: string[]; item_ids: number; content: ContentCategory[]; kinds: RedactKind[]; terms: number };
  original: RunTally;
}

type Item = { type: string; id?: string; role?: unknown; [field: string]: unknown };
type Container = Record<string, unknown> | unknown[];

/** Image data inside longer text, in any letter case, with parameters, and with JSON's `\/` for its slashes. */
const EMBEDDED_IMAGE = /data:image(?:\\?\/)[A-Za-z0-9.+-]{1,40}(?:;[A-Za-z0-9.+-]{1,40}=[^;,"'\s]{0,100}){0,4};base64,(?:[A-Za-z0-9+=_-]|\\?\/)*/gi;
/** Parts that are an image, whether by URL or by the ID of a file the provider stores. */
const IMAGE_PARTS = new Set(['input_image', 'computer_screenshot', 'image']);
/** A whole string that is image data: a data URL of an image, base64 or not (an SVG as text). */
const IMAGE_DATA_URL = /^\s*data:image\//i;
/** A whole string that is base64 data of any type (a file's bytes): nothing in it reads as text, so nothing to replace. */
const BASE64_DATA_URL = /^data:[A-Za-z0-9.+-]{1,60}\/[A-Za-z0-9.+-]{1,80}(?:;[A-Za-z0-9.+-]{1,40}=[^;,]{0,100}){0,4};base64,[A-Za-z0-9+/=\s]*$/i;
/**
 * An image in Markdown: `![alt](url "title")`, which the page would load; or one whose data URL was left out already
 * (`![alt]([image left out])`), whose alt text goes with it. As Markdown reads them: escapes in the alt text, a URL in
 * `<…>` or with parentheses in it (`File_(1).png`), a title in any of its quotes, line breaks around the URL.
 */
const MARKDOWN_IMAGE = /!\[(?:[^\]\\\n]|\\.){0,1000}\]\(\s{0,10}(?:\[image left out\]|<[^<>\n]{0,8000}>|(?:[^()\s]|\([^()\s]{0,1000}\)){1,8000})(?:\s{1,10}(?:"[^"\n]{0,500}"|'[^'\n]{0,500}'|\([^()\n]{0,500}\)))?\s{0,10}\)/g;
/** A Markdown image by reference: `![alt][label]`, `![alt][]`, or `![label]` alone; an image when its label is defined. */
const MARKDOWN_IMAGE_REFERENCE = /!\[([^\]\n]{0,1000})\](?:\[([^\]\n]{0,1000})\])?/g;
/** A reference definition, `[label]: url "title"`, on a line of its own: the page reads its URL for the image that names it. */
const REFERENCE_DEFINITION = /^ {0,3}\[([^\]\n]{1,1000})\]:[ \t]{0,100}\S{1,8000}(?:[ \t]{1,100}(?:"[^"\n]{0,500}"|'[^'\n]{0,500}'|\([^)\n]{0,500}\)))?[ \t]{0,100}(?:\n|$)/gm;
/** Markdown matches labels in any letter case, with runs of white space as one. */
const referenceLabel = (label: string) => label.trim().replace(/\s+/g, ' ').toLowerCase();

/** JSON keys whose string value is a secret whatever its shape (with the `secret` kind chosen). */
const SECRET_KEY = /^(?:[A-Za-z0-9]*[_-]){0,4}(?:api[_-]?key|apikey|access[_-]?token|auth[_-]?token|refresh[_-]?token|id[_-]?token|bearer[_-]?token|client[_-]?secret|secret[_-]?access[_-]?key|secret[_-]?key|secret|password|passwd|passphrase|private[_-]?key|token|authorization)$/i;
/**
 * Objects whose keys are data, named by the conversation's author or a tool, not field names the page reads: metadata,
 * a shell call's environment (`env`), and the parameters of a tool's JSON Schema (`properties`) in a list of tools.
 */
const DATA_MAPS = ['metadata', 'env', 'properties'];
/** A key that reads as a field name: lower case, digits and underscores. */
const FIELD_NAME = /^[a-z_][a-z0-9_]*$/;
/** Content parts the page shows as text, each a paragraph of its message. */
const TEXT_PARTS = new Set(['input_text', 'output_text', 'text', 'summary_text', 'reasoning_text']);
/** Message content parts that hold a model's reasoning. */
const REASONING_PARTS = new Set(['reasoning_text', 'summary_text']);
/** What an unknown call type holds of its result, left out with the tool outputs. */
const UNKNOWN_CALL_OUTPUTS = ['output', 'outputs', 'result', 'results', 'error'];
/** Strings longer than this are not parsed as JSON to look inside: no argument is that long, and parsing would double the memory. */
const MAX_NESTED_JSON = 4 * 1024 * 1024;
const MAX_NESTED_DEPTH = 3;
/** Fields that identify an item or pair it; replacing inside them would break the transcript, and they hold no prose. */
const KEYS = ['id', 'type', 'role', 'status', 'call_id', 'approval_request_id'];
/**
 * At any depth of an item: a part's or an action's type names what it is (`input_file`), and a term must not rename it.
 * Inside JSON text (a call's arguments, an output) a `type` is data like any other value.
 */
const NESTED_KEYS = new Set(['type']);

/** The fields of an annotation that name a position in its part's text. */
const ANNOTATION_POSITIONS = ['start_index', 'end_index', 'index'];

const CATEGORY_HOLDS: Record<ContentCategory, HeldContent> = { tool_outputs: 'outputs', reasoning: 'reasoning', images: 'images', encrypted: 'ciphertext' };

/** Removes the value at a dotted path; true when there was one. Arrays (reasoning summaries) become empty, as the API allows. */
function removePath(item: Record<string, unknown>, path: string): boolean {
  const keys = path.split('.');
  let holder: unknown = item;
  for (const key of keys.slice(0, -1)) {
    holder = holder && typeof holder === 'object' && !Array.isArray(holder) ? (holder as Record<string, unknown>)[key] : undefined;
  }
  const last = keys.at(-1)!;
  if (!holder || typeof holder !== 'object' || Array.isArray(holder) || !Object.hasOwn(holder, last)) return false;
  const record = holder as Record<string, unknown>;
  const value = record[last];
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return false;
  if (Array.isArray(value) && last === 'summary') record[last] = [];
  else if (keys.length > 1) delete record[last];
  else record[last] = null;
  return true;
}

/** Visits every object and array under a value with an explicit stack, so no nesting depth overflows it. */
function eachContainer(root: unknown, visit: (container: Container) => void): void {
  const stack: unknown[] = [root];
  while (stack.length) {
    const value = stack.pop();
    if (!value || typeof value !== 'object') continue;
    visit(value as Container);
    // Pushed last to first, so containers are visited in the order they are written (pseudonyms number by it).
    const children = Array.isArray(value) ? value : Object.values(value);
    for (let at = children.length - 1; at >= 0; at -= 1) {
      const child: unknown = children[at];
      if (child && typeof child === 'object') stack.push(child);
    }
  }
}

/** Replaces every string held directly in a container; keys stay as they are. */
function mapStrings(container: Container, map: (text: string, key: string | number) => string): void {
  if (Array.isArray(container)) {
    for (let index = 0; index < container.length; index += 1) {
      const value = container[index];
      if (typeof value === 'string') container[index] = map(value, index);
    }
    return;
  }
  for (const key of Object.keys(container)) {
    const value = container[key];
    if (typeof value === 'string') container[key] = map(value, key);
  }
}

/**
 * Applies a reader's rules to items one at a time, in conversation order where pseudonym numbers matter: leaves out
 * whole items (roles, types, IDs), the content categories wherever they sit, and replaces personal data and secrets.
 * It changes the items it is given. It also counts the run as it was, for the manifest.
 */
/** A type this viewer does not know that reads as a call (`…_call`), whose result fields are its output. */
function isUnknownCall(type: string): boolean {
  return type.endsWith('_call');
}

export class ShareFilter {
  private readonly roles: Set<string>;
  private readonly types: Set<string>;
  private readonly ids: Set<string>;
  private readonly content: Set<ContentCategory>;
  private readonly pseudonyms: Pseudonymizer;
  private readonly tally = new RunTallier();
  private readonly leftOut: ShareManifest['left_out'] = { items: 0, tool_outputs: 0, reasoning: 0, images: 0, encrypted: 0 };
  /** The edits made to the text of each part with annotations in the item at hand, so its citations can follow them. */
  private readonly textEdits = new Map<Record<string, unknown>, TextEdit[][]>();

  constructor(private readonly rules: ShareRules = {}) {
    this.roles = new Set(rules.exclude?.roles);
    this.types = new Set(rules.exclude?.types);
    this.ids = new Set(rules.exclude?.item_ids);
    this.content = new Set(rules.exclude?.content);
    this.pseudonyms = new Pseudonymizer(rules.redact?.kinds ?? [], rules.redact?.terms ?? []);
  }

  /** Whether pseudonyms are numbered: then items must come in conversation order. */
  get redacts(): boolean {
    return this.pseudonyms.active;
  }

  /** What leaves an item out whole by its kind, whatever single items are chosen: its role or type, or its being a tool's output. */
  private leftOutAs(item: Item): 'item' | 'tool_outputs' | null {
    if (this.types.has(item.type) || (typeof item.role === 'string' && this.roles.has(item.role))) return 'item';
    // A chat-style tool message is a tool's output too.
    if (this.content.has('tool_outputs') && (isToolOutput(item.type) || (item.type === 'message' && item.role === 'tool'))) return 'tool_outputs';
    return null;
  }

  /** Whether the rules leave this item out by its kind (so choosing it alone adds nothing); nothing is counted. */
  leavesOutByKind(item: Item): boolean {
    return this.leftOutAs(item) !== null;
  }

  /** The item as it may be shared, or null when it is left out whole. */
  item(item: Item): Item | null {
    this.tally.add(item);
    const leftOutAs = item.id !== undefined && this.ids.has(item.id) ? 'item' : this.leftOutAs(item);
    if (leftOutAs) {
      this.leftOut[leftOutAs === 'item' ? 'items' : 'tool_outputs'] += 1;
      return null;
    }
    this.leaveOutContent(item);
    if (this.pseudonyms.active) this.redact(item, new Set([...KEYS, ...(catalogEntry(item.type)?.opaqueFields ?? [])]));
    this.moveCitations();
    return item;
  }

  /** The edits to note for a string: those of a part's text its annotations point into (`start_index`), else none. */
  private editsOf(container: Container, key: string | number): TextEdit[][] | undefined {
    if (key !== 'text' || Array.isArray(container) || !Array.isArray(container.annotations)) return undefined;
    let edits = this.textEdits.get(container);
    if (!edits) this.textEdits.set(container, (edits = []));
    return edits;
  }

  /** A citation stays on the words it cites however much shorter or longer the text before it became. */
  private moveCitations(): void {
    for (const [part, edits] of this.textEdits) {
      if (!edits.length) continue;
      for (const annotation of part.annotations as unknown[]) {
        if (!annotation || typeof annotation !== 'object' || Array.isArray(annotation)) continue;
        const record = annotation as Record<string, unknown>;
        for (const field of ANNOTATION_POSITIONS) {
          const value = record[field];
          if (typeof value === 'number' && Number.isInteger(value) && value >= 0) record[field] = movedIndex(value, edits);
        }
      }
    }
    this.textEdits.clear();
  }

  /** The conversation object: its metadata can hold personal data too. */
  conversation<T extends Record<string, unknown>>(conversation: T): T {
    if (this.pseudonyms.active) this.redact(conversation, new Set(['id', 'object', 'created_at']));
    this.textEdits.clear();
    return conversation;
  }

  /** A text beside the items (a title the author typed), with what the rules replace replaced, numbered on from the items. */
  text(value: string): string {
    return this.pseudonyms.replace(value);
  }

  manifest(): ShareManifest {
    return { left_out: { ...this.leftOut }, replaced: this.pseudonyms.counts(), rules: rulesOf(this.rules), original: this.tally.result() };
  }

  samples(perKind?: number): Replacement[] {
    return this.pseudonyms.samples(perKind);
  }

  private leaveOutContent(item: Item): void {
    const entry = catalogEntry(item.type);
    // A call of a type this viewer does not know: the usual fields of a result.
    const holds = entry ? (entry.holds ?? {}) : isUnknownCall(item.type) ? { outputs: UNKNOWN_CALL_OUTPUTS } : {};
    for (const category of this.content) {
      const paths = holds[CATEGORY_HOLDS[category]] ?? [];
      let removed = 0;
      for (const path of paths) if (removePath(item, path)) removed += 1;
      if (category === 'reasoning' && item.type === 'reasoning' && removePath(item, 'encrypted_content')) removed += 1;
      if (category === 'reasoning' && Array.isArray(item.content)) removed += this.leaveOutReasoningParts(item.content);
      if (category === 'images') removed += this.leaveOutImages(item);
      if (category === 'encrypted') removed += this.leaveOutCiphertext(item);
      if (!removed) continue;
      // Outputs and reasoning count per item; images and ciphertext per value.
      this.leftOut[category] += category === 'tool_outputs' || category === 'reasoning' ? 1 : removed;
    }
  }

  /** Reasoning parts inside a message's content (`reasoning_text`, `summary_text`). */
  private leaveOutReasoningParts(content: unknown[]): number {
    const before = content.length;
    const kept = content.filter((part) => !(part && typeof part === 'object' && REASONING_PARTS.has((part as { type?: unknown }).type as string)));
    if (kept.length === before) return 0;
    content.splice(0, before, ...kept);
    return 1;
  }

  /**
   * Image data and links wherever they sit: image parts' URLs (`image_url` as text or `{ url }`, a `type: "image"`
   * part's `url`) and stored images' IDs (an image part's or a screenshot's `file_id`), data URLs in any string, embedded ones inside longer text (JSON arguments too), and Markdown images.
   */
  private leaveOutImages(item: Item): number {
    let removed = 0;
    eachContainer(item, (container) => {
      if (!Array.isArray(container)) {
        // One image however many ways the part names it (a URL and a stored file's ID).
        let image = false;
        const imageUrl = container.image_url;
        if ((typeof imageUrl === 'string' && imageUrl) || (imageUrl && typeof imageUrl === 'object' && !Array.isArray(imageUrl) && typeof (imageUrl as { url?: unknown }).url === 'string')) {
          delete container.image_url;
          image = true;
        }
        if (container.type === 'image' && typeof container.url === 'string' && container.url) {
          delete container.url;
          image = true;
        }
        // An image the provider stores, named by its ID: the reader sees it left out, and no reference to it stays.
        if (IMAGE_PARTS.has(container.type as string) && typeof container.file_id === 'string' && container.file_id) {
          delete container.file_id;
          image = true;
        }
        if (image) removed += 1;
      }
      mapStrings(container, (text, key) => {
        const edits = this.editsOf(container, key);
        if (IMAGE_DATA_URL.test(text)) {
          removed += 1;
          edits?.push([{ at: 0, removed: text.length, inserted: IMAGE_LEFT_OUT.length }]);
          return IMAGE_LEFT_OUT;
        }
        let next = text;
        if (/data:image/i.test(next)) next = replaceNoting(next, EMBEDDED_IMAGE, () => ((removed += 1), IMAGE_LEFT_OUT), edits);
        // After the data URLs: a Markdown image whose data URL was too long to read as a link goes whole, alt text too,
        // and counts once.
        if (next.includes('![')) next = replaceNoting(next, MARKDOWN_IMAGE, (found) => (found.includes(IMAGE_LEFT_OUT) ? IMAGE_LEFT_OUT : ((removed += 1), IMAGE_LEFT_OUT)), edits);
        if (next.includes('![') && next.includes(']:')) next = this.leaveOutReferenceImages(next, () => (removed += 1), edits);
        // The text's token log probabilities spell the image's URL or data out token by token: they go with it.
        if (next !== text && !Array.isArray(container) && Array.isArray(container.logprobs) && container.logprobs.length > 0) container.logprobs = [];
        return next;
      });
    });
    return removed;
  }

  /**
   * Markdown images whose URL is defined apart (`![chart][c1]` … `[c1]: https://…`): each image goes, and so does
   * the definition of its URL.
   */
  private leaveOutReferenceImages(text: string, count: () => void, edits?: TextEdit[][]): string {
    const defined = new Set<string>();
    for (const [, label] of text.matchAll(REFERENCE_DEFINITION)) defined.add(referenceLabel(label));
    if (!defined.size) return text;
    const used = new Set<string>();
    const next = replaceNoting(
      text,
      MARKDOWN_IMAGE_REFERENCE,
      (found, alt, reference) => {
        const label = referenceLabel(reference || alt || '');
        if (!defined.has(label)) return found;
        used.add(label);
        count();
        return IMAGE_LEFT_OUT;
      },
      edits,
    );
    return used.size ? replaceNoting(next, REFERENCE_DEFINITION, (found, label) => (used.has(referenceLabel(label ?? '')) ? '' : found), edits) : next;
  }

  /** Every `encrypted_content`, at any depth. */
  private leaveOutCiphertext(item: Item): number {
    let removed = 0;
    eachContainer(item, (container) => {
      if (Array.isArray(container) || typeof container.encrypted_content !== 'string' || !container.encrypted_content) return;
      container.encrypted_content = null;
      removed += 1;
    });
    return removed;
  }

  /**
   * Every string value and object key, arguments and outputs that are JSON text included (their escapes are read
   * before matching). A value under a key that names a secret (`"password": …`) is a secret whatever its shape. Token
   * log probabilities spell the text out token by token, so they go.
   */
  private redact(root: Container, skipTopLevel: ReadonlySet<string>, depth = 0, numbers?: ReadonlyMap<string, string>): boolean {
    let changed = false;
    // Objects whose keys were named by the author or a tool, found as their holders are visited (before them).
    const dataMaps = new Set<unknown>();
    // Text parts whose text was read with the parts beside it, found as their lists are visited (before them).
    const readAcross = new Set<unknown>();
    eachContainer(root, (container) => {
      if (Array.isArray(container) && depth === 0 && this.redactAcross(container, readAcross)) changed = true;
      if (!Array.isArray(container)) {
        for (const key of DATA_MAPS) {
          const value = container[key];
          if (value && typeof value === 'object' && !Array.isArray(value)) dataMaps.add(value);
        }
        for (const key of ['logprobs', 'top_logprobs']) {
          if (Array.isArray(container[key]) && (container[key] as unknown[]).length > 0) {
            container[key] = [];
            changed = true;
          }
        }
        // An item's or conversation's own field names are not data; the keys of JSON text (a call's arguments) are, from
        // its top, and so are the keys of its metadata, a shell's environment and a tool's parameters.
        if ((container !== root || depth > 0) && this.redactKeys(container, dataMaps.has(container) ? depth + 1 : depth)) changed = true;
      }
      mapStrings(container, (text, key) => {
        if (typeof key === 'string' && ((container === root && skipTopLevel.has(key)) || (depth === 0 && NESTED_KEYS.has(key)))) return text;
        if (key === 'text' && readAcross.has(container)) return text;
        // A number of JSON text, standing as its marker: an account number the author named is a term like any other,
        // and under a key that names a secret (`"password": 20251234`) it is one. Replaced, it becomes the pseudonym's string.
        const number = numbers?.get(text);
        if (number !== undefined) {
          const replaced = typeof key === 'string' && SECRET_KEY.test(key) ? this.pseudonyms.secret(number) : this.pseudonyms.replace(number);
          if (replaced === number) return text;
          changed = true;
          return replaced;
        }
        if (BASE64_DATA_URL.test(text)) return text;
        const next = typeof key === 'string' && SECRET_KEY.test(key) ? this.pseudonyms.secret(text) : this.redactText(text, depth, this.editsOf(container, key));
        if (next !== text) changed = true;
        return next;
      });
    });
    return changed;
  }

  /**
   * Replaces inside an object's keys (`{"carol@example.com": …}`), in place and in order. In an item, a key that reads
   * as a field name (`text`, `file_id`) stays: a term must not rename the fields the page reads. Inside JSON text (a
   * call's arguments) every key is data, `acme_account` as much as a value.
   */
  private redactKeys(container: Record<string, unknown>, depth: number): boolean {
    const keys = Object.keys(container);
    const renamed = keys.map((key) => (depth === 0 && FIELD_NAME.test(key) ? key : this.pseudonyms.replace(key)));
    if (renamed.every((key, at) => key === keys[at])) return false;
    const entries = keys.map((key, at) => [renamed[at], container[key]] as const);
    for (const key of keys) delete container[key];
    // Defined, not assigned: assigning `__proto__` would set the object's prototype and lose the field.
    for (const [key, value] of entries) Object.defineProperty(container, key, { value, enumerable: true, writable: true, configurable: true });
    return true;
  }

  /**
   * Consecutive text parts of a list (a message's content, a reasoning summary), which the page shows one after another
   * as paragraphs of one text: a term may run from one into the next. Each part taken is added to `taken`; true when
   * a text changed.
   */
  private redactAcross(list: unknown[], taken: Set<unknown>): boolean {
    let changed = false;
    let run: Record<string, unknown>[] = [];
    const readRun = () => {
      if (run.length > 1) {
        const texts = this.pseudonyms.replaceAcross(
          run.map((part) => part.text as string),
          run.map((part) => this.editsOf(part, 'text')),
        );
        run.forEach((part, at) => {
          if (part.text !== texts[at]) changed = true;
          part.text = texts[at];
          taken.add(part);
        });
      }
      run = [];
    };
    for (const value of list) {
      const part = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
      if (!part || !TEXT_PARTS.has(part.type as string) || typeof part.text !== 'string' || BASE64_DATA_URL.test(part.text)) {
        readRun();
        continue;
      }
      // JSON text is read as data, on its own.
      const parsed = this.nestedJson(part.text, 0);
      if (parsed === undefined) {
        run.push(part);
        continue;
      }
      readRun();
      const text = this.redactJson(part.text, parsed, 0);
      if (text !== part.text) changed = true;
      part.text = text;
      taken.add(part);
    }
    readRun();
    return changed;
  }

  /** The object or array a text holds as JSON, when it is one to look inside. */
  private nestedJson(text: string, depth: number): object | undefined {
    const first = text.trimStart()[0];
    if ((first !== '{' && first !== '[') || depth >= MAX_NESTED_DEPTH || text.length > MAX_NESTED_JSON) return undefined;
    try {
      const parsed: unknown = JSON.parse(text);
      return parsed && typeof parsed === 'object' ? parsed : undefined;
    } catch {
      return undefined;
    }
  }

  private redactJson(text: string, parsed: object, depth: number): string {
    const kept = parseKeepingNumbers(text, parsed);
    if (!this.redact(kept.parsed as Container, new Set(), depth + 1, kept.numbers)) return text;
    return kept.write(stringifyJson(kept.parsed, text.includes('\n') ? 2 : 0));
  }

  private redactText(text: string, depth: number, edits?: TextEdit[][]): string {
    const parsed = this.nestedJson(text, depth);
    return parsed === undefined ? this.pseudonyms.replace(text, edits) : this.redactJson(text, parsed, depth);
  }
}

/**
 * What a download with these rules says at its top (`rules` of the export's meta), or nothing when no rule applies:
 * the Share dialog's "Download instead" tells its reader what was left out, as a snapshot's export does.
 */
export function downloadRules(shareRules: ShareRules): { rules?: ShareManifest['rules'] } {
  const rules = rulesOf(shareRules);
  const any = rules.roles.length + rules.types.length + rules.item_ids + rules.content.length + rules.kinds.length + rules.terms > 0;
  return any ? { rules } : {};
}

/** The rules as a manifest states them: what they leave out, and how many chosen items and distinct terms, never which. */
function rulesOf(rules: ShareRules): ShareManifest['rules'] {
  const exclude = rules.exclude ?? {};
  return {
    roles: [...(exclude.roles ?? [])],
    types: [...(exclude.types ?? [])],
    item_ids: new Set(exclude.item_ids).size,
    content: [...new Set(exclude.content)],
    kinds: [...(rules.redact?.kinds ?? [])],
    terms: new Set((rules.redact?.terms ?? []).map((term) => term.trim().toLowerCase()).filter(Boolean)).size,
  };
}
