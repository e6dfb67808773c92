/** An item as any side sees it before checking: only `type` is certain. */
type Item = { type: string; [field: string]: unknown };

export interface Outcome {
  text: string;
  failed: boolean;
  /** For a failure: the first line of its error message or stderr, when there is one. */
  detail?: string;
}

const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

/** A JSON text parsed (by `parse`), or the value as it was when it is not one. */
export function parseJsonText(text: unknown, parse: (text: string) => unknown = JSON.parse): unknown {
  if (typeof text !== 'string') return text;
  try {
    return parse(text);
  } catch {
    return text;
  }
}

/**
 * Whether an output can be an object with an `error` field, tested before parsing it: most outputs are not, and a
 * run's load reads every one. A JSON object's key is written `error`, or with a `\u` escape.
 */
function mayBeErrorObject(output: unknown): boolean {
  if (typeof output !== 'string') return true;
  const start = output.search(/\S/);
  return start >= 0 && output[start] === '{' && (output.includes('error') || output.includes('\\u'));
}

function exitOutcome(code: unknown, timedOut = false): Outcome | null {
  if (timedOut) return { text: 'timed out', failed: true };
  return typeof code === 'number' ? { text: `exit ${code}`, failed: code !== 0 } : null;
}

/** Whether an item (with its answer, for a call) went wrong: a failed or incomplete status, a non-zero exit, an error, a denial. */
export function outcomeOf(call: Item, output: Item | undefined): Outcome | null {
  for (const item of [output, call]) {
    if (item && (item.status === 'failed' || item.status === 'incomplete')) return { text: item.status, failed: true };
  }
  if ((typeof call.error === 'string' && call.error) || (call.error && typeof call.error === 'object')) return { text: 'error', failed: true };
  if (call.type === 'mcp_approval_request') return output ? (output.approve === true ? { text: 'approved', failed: false } : { text: 'denied', failed: true }) : null;
  if (!output) return null;
  if (output.type === 'local_shell_call_output') {
    const parsed = record(parseJsonText(output.output));
    return exitOutcome(parsed.exit_code);
  }
  if (output.type === 'shell_call_output' && Array.isArray(output.output)) {
    const outcomes = output.output.map((entry) => record(record(entry).outcome));
    const bad = outcomes.find((outcome) => outcome.type === 'timeout' || (typeof outcome.exit_code === 'number' && outcome.exit_code !== 0));
    const last = bad ?? outcomes.at(-1);
    return last ? exitOutcome(last.exit_code, last.type === 'timeout') : null;
  }
  const parsed = mayBeErrorObject(output.output) ? parseJsonText(output.output) : null;
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed) && (parsed as Record<string, unknown>).error) return { text: 'error', failed: true };
  return null;
}
