import type { ReactNode } from 'react';
import { WrittenNumber } from '../../../../shared/items/written-number';
import { displayText } from '../../../../shared/items/display-text';
import { shellCommand } from '../../../../shared/items/shell-command';
import { parseJsonBox } from '../../lib/json-text';
import type { ConversationItem } from '../../types';
import { CodeBlock } from '../content/code-block';
import { FilePlaceholder } from '../content/file-placeholder';
import { JsonView } from '../content/json-view';
import { LongText } from '../content/long-text';
import { SafeImage } from '../content/safe-image';
import { ToolList } from '../content/tool-list';
import { LeftOutNote, useLeftOut } from '../../lib/left-out';
import { FieldLabel, ToolPayload } from '../content/tool-payload';

export type Body = (props: { item: ConversationItem }) => ReactNode;

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function Facts({ facts }: { facts: [string, unknown][] }) {
  const shown = facts.filter(([, value]) => value !== undefined && value !== null && value !== '');
  if (shown.length === 0) return null;
  return (
    <dl className="flex flex-wrap gap-x-4 gap-y-0.5 text-xs text-zinc-600 dark:text-zinc-400">
      {shown.map(([label, value]) => (
        <div key={label} className="flex gap-1">
          <dt className="font-medium">{label}</dt>
          <dd className="font-mono break-all">{displayText(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function Terminal({ lines }: { lines: string[] }) {
  return <LongText variant="code" text={lines.join('\n')} label="Command" />;
}

function StreamOutput({ stdout, stderr }: { stdout: unknown; stderr: unknown }) {
  const streams = [['stdout', str(stdout)], ['stderr', str(stderr)]] as const;
  return (
    <>
      {streams.map(([name, text]) =>
        text ? (
          <div key={name}>
            <FieldLabel>{name}</FieldLabel>
            <LongText variant="code" text={text} label={name} />
          </div>
        ) : null,
      )}
    </>
  );
}

function ExitBadge({ code, timedOut = false }: { code?: unknown; timedOut?: boolean }) {
  // An inline block: its padding counts in its line, so what follows keeps its distance.
  if (timedOut) return <span className="inline-block rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900/60 dark:text-amber-100">timed out</span>;
  // A code written `1.0` is kept as written (see `WrittenNumber`): it is the number 1 all the same.
  const number = code instanceof WrittenNumber ? Number(code.text) : code;
  if (typeof number !== 'number') return null;
  const ok = number === 0;
  return (
    <span className={`inline-block rounded px-1.5 py-0.5 font-mono text-xs font-medium ${ok ? 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-100' : 'bg-rose-100 text-rose-900 dark:bg-rose-900/50 dark:text-rose-100'}`}>
      exit {String(code)}
    </span>
  );
}

export const FunctionCallBody: Body = ({ item }) => <ToolPayload label="Arguments" value={item.arguments ?? ''} expectJson />;
export const CustomToolCallBody: Body = ({ item }) => <ToolPayload label="Input" value={item.input ?? ''} />;
export const ToolOutputBody: Body = ({ item }) => <ToolPayload label="Output" value={item.output} showLabel={false} />;

export const ComputerCallBody: Body = ({ item }) => {
  const checks = Array.isArray(item.pending_safety_checks) ? item.pending_safety_checks.map(record) : [];
  const actions = item.actions ?? item.action;
  return (
    <div className="space-y-2">
      <FieldLabel>Action</FieldLabel>
      <JsonView value={actions} openDepth={2} label="Computer action" />
      {checks.length > 0 ? (
        <ul className="space-y-1 rounded-lg border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/30 dark:text-amber-100">
          {checks.map((check, index) => (
            <li key={index}>
              <span className="font-semibold">Safety check {str(check.code) ?? ''}</span> {str(check.message) ?? ''}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
};

export const ComputerOutputBody: Body = ({ item }) => {
  const output = record(item.output);
  const leftOut = useLeftOut('images');
  if (str(output.image_url)) return <SafeImage src={output.image_url} alt="Screenshot after the action" />;
  return leftOut ? <LeftOutNote what="Screenshot" /> : <FilePlaceholder kind="image" fileId={output.file_id} />;
};

export const LocalShellOutputBody: Body = ({ item }) => {
  const parsed = typeof item.output === 'string' ? parseJsonBox(item.output) : null;
  const output = parsed?.valid ? record(parsed.value) : null;
  if (output && ('stdout' in output || 'stderr' in output)) {
    return (
      <div className="space-y-2">
        <ExitBadge code={output.exit_code} />
        <StreamOutput stdout={output.stdout} stderr={output.stderr} />
      </div>
    );
  }
  return <ToolPayload label="Output" value={item.output} />;
};

/** A local shell's command or a shell's command lines, with the facts beside them (working directory, timeout). */
export const ShellCallBody: Body = ({ item }) => {
  const { lines, facts } = shellCommand(item);
  return (
    <div className="space-y-2">
      <Terminal lines={lines} />
      <Facts facts={facts} />
    </div>
  );
};

export const ShellOutputBody: Body = ({ item }) => {
  const outputs = Array.isArray(item.output) ? item.output.map(record) : [];
  if (outputs.length === 0) return <ToolPayload label="Output" value={item.output} />;
  return (
    <div className="space-y-3">
      {outputs.map((output, index) => {
        const outcome = record(output.outcome);
        return (
          <div key={index} className="space-y-1.5">
            <ExitBadge code={outcome.exit_code} timedOut={outcome.type === 'timeout'} />
            <StreamOutput stdout={output.stdout} stderr={output.stderr} />
          </div>
        );
      })}
    </div>
  );
};

export const ApplyPatchCallBody: Body = ({ item }) => {
  const operation = record(item.operation);
  return (
    <div className="space-y-2">
      <p className="text-sm">
        <span className="rounded bg-zinc-200/70 px-1.5 py-0.5 font-mono text-xs dark:bg-zinc-800">{str(operation.type)?.replace('_', ' ') ?? 'patch'}</span>{' '}
        <code className="font-mono break-all">{str(operation.path) ?? ''}</code>
      </p>
      {str(operation.diff) ? <CodeBlock code={operation.diff as string} language="diff" label="Diff" /> : null}
    </div>
  );
};

export const ApplyPatchOutputBody: Body = ({ item }) => (str(item.output) ? <LongText variant="code" text={item.output as string} label="Output" /> : <p className="text-sm text-zinc-600 dark:text-zinc-400 italic">No output</p>);

export const ToolSearchCallBody: Body = ({ item }) => (
  <div className="space-y-2">
    <ToolPayload label="Arguments" value={item.arguments} />
    <Facts facts={[['execution', item.execution]]} />
  </div>
);

export const ToolSearchOutputBody: Body = ({ item }) => <ToolList tools={item.tools} />;

export const ProgramBody: Body = ({ item }) => (
  <div className="space-y-2">
    {str(item.code) ? <CodeBlock code={item.code as string} language="javascript" label="Program" /> : null}
    <Facts facts={[['fingerprint', item.fingerprint]]} />
  </div>
);

export const ProgramOutputBody: Body = ({ item }) => <ToolPayload label="Result" value={item.result} showLabel={false} />;

export const ApprovalRequestBody: Body = ({ item }) => <ToolPayload label="Arguments" value={item.arguments ?? ''} expectJson />;

export const ApprovalResponseBody: Body = ({ item }) => (
  <p className="flex flex-wrap items-center gap-2 text-sm">
    {item.approve === true ? (
      <span className="rounded bg-emerald-100 px-2 py-0.5 font-semibold text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-100">✓ Approved</span>
    ) : (
      <span className="rounded bg-rose-100 px-2 py-0.5 font-semibold text-rose-900 dark:bg-rose-900/50 dark:text-rose-100">✗ Denied</span>
    )}
    {str(item.reason) ? <span className="text-zinc-700 dark:text-zinc-300">{item.reason as string}</span> : null}
  </p>
);
