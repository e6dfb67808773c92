import { stringifyJson } from '../../lib/stringify-deep.ts';
import { catalogEntry, isToolOutput, type HeldContent } from '../items/item-catalog.ts';
import { IMAGE_LEFT_OUT } from './image-left-out.ts';
import { Pseudonymizer, type PseudonymKind, type RedactKind, type Replacement } from './pseudonyms.ts';
import { RunTallier, type RunTally } from './run-tally.ts';

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

const EMBEDDED_IMAGE = /data:image\/[A-Za-z0-9.+-]{1,40};base64,[A-Za-z0-9+/=_-]*/g;
/** Strings longer than this are not parsed as JSON to look inside: no argument is that long, and parsing would double the memory. */
const MAX_NESTED_JSON = 4 * 1024 * 1024;
const MAX_NESTED_DEPTH = 3;

/** Fields that identify an item or pair it; replacing inside them would break the transcript, and they hold no prose. */
const KEYS = ['id', 'type', 'role', 'status', 'call_id', 'approval_request_id'];

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
    for (const child of Array.isArray(value) ? value : Object.values(value)) if (child && typeof child === 'object') stack.push(child);
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
export class ShareFilter {
  private readonly roles: Set<string>;
  private readonly types: Set<string>;
  private readonly ids: Set<string>;
  private readonly content: Set<ContentCategory>;
  private readonly pseudonyms: Pseudonymizer;
  private readonly tally = new RunTallier();
  private readonly leftOut: ShareManifest['left_out'] = { items: 0, tool_outputs: 0, reasoning: 0, images: 0, encrypted: 0 };

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

  /** The item as it may be shared, or null when it is left out whole. */
  item(item: Item): Item | null {
    this.tally.add(item);
    if ((item.id !== undefined && this.ids.has(item.id)) || this.types.has(item.type) || (typeof item.role === 'string' && this.roles.has(item.role))) {
      this.leftOut.items += 1;
      return null;
    }
    if (this.content.has('tool_outputs') && isToolOutput(item.type)) {
      this.leftOut.tool_outputs += 1;
      return null;
    }
    this.leaveOutContent(item);
    if (this.pseudonyms.active) this.redact(item, new Set([...KEYS, ...(catalogEntry(item.type)?.opaqueFields ?? [])]));
    return item;
  }

  /** The conversation object: its metadata can hold personal data too. */
  conversation<T extends Record<string, unknown>>(conversation: T): T {
    if (this.pseudonyms.active) this.redact(conversation, new Set(['id', 'object', 'created_at']));
    return conversation;
  }

  manifest(): ShareManifest {
    const exclude = this.rules.exclude ?? {};
    return {
      left_out: { ...this.leftOut },
      replaced: this.pseudonyms.counts(),
      rules: {
        roles: [...(exclude.roles ?? [])],
        types: [...(exclude.types ?? [])],
        item_ids: this.ids.size,
        content: [...this.content],
        kinds: [...(this.rules.redact?.kinds ?? [])],
        terms: new Set((this.rules.redact?.terms ?? []).map((term) => term.trim().toLowerCase()).filter(Boolean)).size,
      },
      original: this.tally.result(),
    };
  }

  samples(perKind?: number): Replacement[] {
    return this.pseudonyms.samples(perKind);
  }

  private leaveOutContent(item: Item): void {
    const holds = catalogEntry(item.type)?.holds ?? {};
    for (const category of this.content) {
      const paths = holds[CATEGORY_HOLDS[category]] ?? [];
      let removed = 0;
      for (const path of paths) if (removePath(item, path)) removed += 1;
      if (category === 'reasoning' && item.type === 'reasoning' && removePath(item, 'encrypted_content')) removed += 1;
      if (category === 'images') removed += this.leaveOutImages(item);
      if (category === 'encrypted') removed += this.leaveOutCiphertext(item);
      if (!removed) continue;
      // Outputs and reasoning count per item; images and ciphertext per value.
      this.leftOut[category] += category === 'tool_outputs' || category === 'reasoning' ? 1 : removed;
    }
  }

  /** Image data wherever it sits: image parts' URLs, data URLs in any string, embedded ones inside longer text. */
  private leaveOutImages(item: Item): number {
    let removed = 0;
    eachContainer(item, (container) => {
      if (!Array.isArray(container) && typeof container.image_url === 'string' && container.image_url) {
        delete container.image_url;
        removed += 1;
      }
      mapStrings(container, (text) => {
        if (!text.includes('data:image/')) return text;
        if (text.startsWith('data:image/')) {
          removed += 1;
          return IMAGE_LEFT_OUT;
        }
        return text.replace(EMBEDDED_IMAGE, () => ((removed += 1), IMAGE_LEFT_OUT));
      });
    });
    return removed;
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

  /** Every string value, arguments and outputs that are JSON text included: their escapes are read before matching. */
  private redact(root: Container, skipTopLevel: ReadonlySet<string>, depth = 0): boolean {
    let changed = false;
    eachContainer(root, (container) => {
      mapStrings(container, (text, key) => {
        if ((container === root && typeof key === 'string' && skipTopLevel.has(key)) || text.startsWith('data:')) return text;
        const next = this.redactText(text, depth);
        if (next !== text) changed = true;
        return next;
      });
    });
    return changed;
  }

  private redactText(text: string, depth: number): string {
    const first = text.trimStart()[0];
    if ((first === '{' || first === '[') && depth < MAX_NESTED_DEPTH && text.length <= MAX_NESTED_JSON) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      if (parsed && typeof parsed === 'object') {
        return this.redact(parsed as Container, new Set(), depth + 1) ? stringifyJson(parsed, text.includes('\n') ? 2 : 0) : text;
      }
    }
    return this.pseudonyms.replace(text);
  }
}
