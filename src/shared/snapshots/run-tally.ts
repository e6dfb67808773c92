import { CALL_TYPE_OF, catalogEntry, foldsIntoCall, itemKind, pairKey } from '../items/item-catalog.ts';
import { countedKind } from '../items/item-counts.ts';
import { outcomeOf } from '../items/tool-outcome.ts';

type Item = { type: string; id?: string; [field: string]: unknown };

/** What a whole run held, counted before anything was left out: the snapshot keeps it so readers see the original. */
export interface RunTally {
  items: number;
  messages: number;
  tool_calls: number;
  reasoning: number;
  failures: number;
}

/**
 * Counts a run item by item in any order (pages come from both ends): a call and its output are one failure when
 * either says so, judged as the viewer judges them. Memory holds a call ID per failed or pending pair, not items.
 */
export class RunTallier {
  private readonly tally: RunTally = { items: 0, messages: 0, tool_calls: 0, reasoning: 0, failures: 0 };
  private readonly failedPairs = new Set<string>();
  /** Per call ID, calls read less outputs read, while not even: what the next call or output of that ID pairs with. */
  private readonly balance = new Map<string, number>();

  add(item: Item): void {
    this.tally.items += 1;
    const kind = itemKind(item);
    if (item.type === 'message') {
      this.tally.messages += 1;
      if (item.status === 'incomplete' || item.status === 'failed') this.tally.failures += 1;
      return;
    }
    // Counted as the viewer counts them (one definition, in item-counts): a call and its folded output are one.
    const paired = this.pairs(item);
    const counted = countedKind(item, paired);
    if (counted === 'reasoning') this.tally.reasoning += 1;
    if (counted === 'tools') this.tally.tool_calls += 1;
    // A call read after the output that answers it (the end is read backwards): that output counted alone until now.
    if (paired && pairKey(item)?.side === 'call') this.tally.tool_calls -= 1;
    if (kind !== 'tools') return;
    const pair = pairKey(item);
    const failed = pair?.side === 'output' ? outcomeOf({ type: CALL_TYPE_OF[item.type] ?? item.type }, item)?.failed : outcomeOf(item, undefined)?.failed;
    if (!failed) return;
    if (!pair) {
      this.tally.failures += 1;
      return;
    }
    const key = `${item.type === 'mcp_approval_response' || item.type === 'mcp_approval_request' ? 'approval' : 'call'}:${pair.key}`;
    if (this.failedPairs.has(key)) return;
    this.failedPairs.add(key);
    this.tally.failures += 1;
  }

  /**
   * Whether a call or output pairs with one read before it. Pages come from both ends, so which call answers which
   * is not known here; how many pair is: as many as the fewer of a call ID's calls and outputs, as in the viewer
   * wherever each output comes after its call (as the API writes them).
   */
  private pairs(item: Item): boolean {
    const pair = pairKey(item);
    // Only an answer shown in its call's row pairs here: an approval keeps its own row, as a type this viewer does not know does.
    if (!pair || !foldsIntoCall(pair.side === 'output' ? item.type : (catalogEntry(item.type)?.pair?.partner ?? ''))) return false;
    const step = pair.side === 'call' ? 1 : -1;
    const before = this.balance.get(pair.key) ?? 0;
    if (before + step === 0) this.balance.delete(pair.key);
    else this.balance.set(pair.key, before + step);
    return before * step < 0;
  }

  result(): RunTally {
    return { ...this.tally };
  }
}
