import { displayText } from './display-text.ts';

type Loose = Record<string, unknown>;

const record = (value: unknown): Loose => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : {});

/** A word as a shell would need it typed: quoted only when it holds more than letters, digits and `@%+=:,./-`. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * What a shell call ran, as a terminal shows it (`$ npm test`), and the facts beside it (working directory, user,
 * timeout, the names of the environment's variables, with their values when `envValues`, as a file that has no JSON
 * of the call beside them needs): a local shell's one command of words, a shell's command lines.
 */
export function shellCommand(item: Loose, { envValues = false } = {}): { lines: string[]; facts: [string, string][] } {
  const action = record(item.action);
  const env = Object.entries(record(action.env)).map(([key, value]) => (envValues ? `${key}=${displayText(value)}` : key));
  const local = item.type === 'local_shell_call';
  const lines = local
    ? [(Array.isArray(action.command) ? action.command.map(displayText) : []).map(shellQuote).join(' ')]
    : Array.isArray(action.commands)
      ? action.commands.map(displayText)
      : [];
  const facts: [string, unknown][] = local
    ? [
        ['cwd', action.working_directory],
        ['user', action.user],
        ['timeout ms', action.timeout_ms],
        ['env', env.length ? env.join(', ') : null],
      ]
    : [
        ['timeout ms', action.timeout_ms],
        ['max output', action.max_output_length],
        ['environment', item.environment],
      ];
  const shown = facts.filter(([, value]) => value !== undefined && value !== null && value !== '').map(([label, value]): [string, string] => [label, displayText(value)]);
  return { lines: lines.map((line) => `$ ${line}`), facts: shown };
}

/**
 * The fields `shellCommand` shows of a call of this kind (an action's type goes unsaid): a file that writes the rest
 * of the call as JSON leaves out only these. A command or an environment of another shape than it reads is not shown.
 */
export function shellFieldsShown(item: Loose): { action: readonly string[]; item: readonly string[] } {
  return item.type === 'local_shell_call'
    ? { action: ['type', 'command', 'working_directory', 'user', 'timeout_ms', 'env'], item: [] }
    : { action: ['type', 'commands', 'timeout_ms', 'max_output_length'], item: ['environment'] };
}
