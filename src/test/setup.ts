import { afterEach, beforeEach, vi } from 'vitest';

let unexpected: unknown[][] = [];

// A test that makes the app log an error fails, unless the test expects it and mocks console.error itself.
beforeEach(() => {
  unexpected = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    unexpected.push(args);
  });
});

afterEach(() => {
  const calls = unexpected;
  unexpected = [];
  if (calls.length > 0) throw new Error(`Unexpected console.error: ${calls.map((args) => args.map(String).join(' ')).join('\n')}`);
});
