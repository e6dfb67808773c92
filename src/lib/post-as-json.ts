import { stringifyJson } from './stringify-deep';

/** Posts `message`; when a structured clone refuses it, posts its fields but `kept` as JSON text instead (see received-as-json.ts). */
export function postAsJsonIfRefused<T extends object, K extends keyof T>(port: { postMessage(message: unknown): void }, message: T, kept: readonly K[]): void {
  try {
    port.postMessage(message);
  } catch {
    const outside: Partial<T> = {};
    const fields: Record<string, unknown> = { ...(message as Record<string, unknown>) };
    for (const key of kept) {
      outside[key] = message[key];
      delete fields[key as string];
    }
    port.postMessage({ ...outside, json: stringifyJson(fields) });
  }
}
