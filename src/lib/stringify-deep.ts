type Frame = { source: Record<string, unknown> | unknown[]; keys: string[] | null; index: number; depth: number; close: string };

/** Pretty output stops indenting further past this depth: indenting every level would grow quadratically. */
const MAX_INDENT_DEPTH = 64;

const serializable = (value: unknown) => value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';

/** Like JSON.stringify for plain JSON values, but with an explicit stack, so no nesting depth overflows it. */
export function stringifyDeep(root: unknown, indent = 0): string {
  const parts: string[] = [];
  const stack: Frame[] = [];
  const newline = (depth: number) => (indent ? `\n${' '.repeat(indent * Math.min(depth, MAX_INDENT_DEPTH))}` : '');
  const emit = (value: unknown, depth: number) => {
    if (value === null || typeof value !== 'object') {
      parts.push(JSON.stringify(value) ?? 'null');
    } else if (Array.isArray(value)) {
      parts.push(value.length ? '[' : '[]');
      if (value.length) stack.push({ source: value, keys: null, index: 0, depth, close: ']' });
    } else {
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).filter((key) => serializable(record[key]));
      parts.push(keys.length ? '{' : '{}');
      if (keys.length) stack.push({ source: record, keys, index: 0, depth, close: '}' });
    }
  };
  emit(root, 0);
  while (stack.length) {
    const frame = stack[stack.length - 1];
    const length = frame.keys ? frame.keys.length : (frame.source as unknown[]).length;
    if (frame.index >= length) {
      stack.pop();
      parts.push(newline(frame.depth), frame.close);
      continue;
    }
    if (frame.index > 0) parts.push(',');
    parts.push(newline(frame.depth + 1));
    let child: unknown;
    if (frame.keys) {
      const key = frame.keys[frame.index];
      parts.push(JSON.stringify(key), indent ? ': ' : ':');
      child = (frame.source as Record<string, unknown>)[key];
    } else {
      child = (frame.source as unknown[])[frame.index];
      if (!serializable(child)) child = null;
    }
    frame.index += 1;
    emit(child, frame.depth + 1);
  }
  return parts.join('');
}

/** JSON.stringify, falling back to the explicit stack only when a value is nested too deep for the engine's. */
export function stringifyJson(value: unknown, indent = 0): string {
  try {
    return JSON.stringify(value, null, indent) ?? 'null';
  } catch (error) {
    if (error instanceof RangeError) return stringifyDeep(value, indent);
    throw error;
  }
}
