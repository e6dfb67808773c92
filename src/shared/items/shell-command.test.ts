import { describe, expect, it } from 'vitest';
import { shellCommand } from './shell-command.ts';

describe('a shell call as a terminal shows it', () => {
  it('writes a local shell command on one line, quoting the words a shell would need quoted, with its facts', () => {
    const item = {
      type: 'local_shell_call',
      action: { type: 'exec', command: ['grep', '-r', "it's here", 'src'], working_directory: '/repo', timeout_ms: 120000, env: { CI: 'true' } },
    };
    expect(shellCommand(item)).toEqual({
      lines: [`$ grep -r 'it'\\''s here' src`],
      facts: [
        ['cwd', '/repo'],
        ['timeout ms', '120000'],
        ['env', 'CI'],
      ],
    });
    expect(shellCommand(item, { envValues: true }).facts).toContainEqual(['env', 'CI=true']);
  });

  it("writes a shell's command lines one a line, as given", () => {
    const item = { type: 'shell_call', action: { commands: ['git status', 'ls -la'], timeout_ms: 10000, max_output_length: 4096 } };
    expect(shellCommand(item)).toEqual({
      lines: ['$ git status', '$ ls -la'],
      facts: [
        ['timeout ms', '10000'],
        ['max output', '4096'],
      ],
    });
  });
});
