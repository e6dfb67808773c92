/** The statuses of work still under way: `in_progress`, and the words tools use for it (a web search `searching`, an MCP call `calling`). */
const UNDER_WAY = new Set(['in_progress', 'searching', 'interpreting', 'generating', 'calling']);

/** Whether an item's status says its work is still under way, so it may change. */
export const isUnderWay = (status: unknown): status is string => typeof status === 'string' && UNDER_WAY.has(status);
