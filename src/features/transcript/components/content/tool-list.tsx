import { JsonView } from './json-view';

interface Tool {
  name?: unknown;
  type?: unknown;
  description?: unknown;
  input_schema?: unknown;
  parameters?: unknown;
}

/** Tool definitions (MCP tools, function tools): name and description, the schema on demand. */
export function ToolList({ tools }: { tools: unknown }) {
  if (!Array.isArray(tools) || tools.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400 italic">No tools</p>;
  return (
    <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
      {tools.map((raw, index) => {
        const tool = (raw && typeof raw === 'object' ? raw : {}) as Tool;
        const name = typeof tool.name === 'string' ? tool.name : typeof tool.type === 'string' ? tool.type : `tool ${index + 1}`;
        const schema = tool.input_schema ?? tool.parameters;
        return (
          <li key={index} className="px-3 py-2 text-sm">
            <code className="font-mono font-semibold break-all">{name}</code>
            {typeof tool.description === 'string' ? <p className="mt-0.5 text-zinc-600 dark:text-zinc-400">{tool.description}</p> : null}
            {schema ? (
              <div className="mt-1">
                <JsonView value={schema} openDepth={0} label={`Schema of ${name}`} />
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
