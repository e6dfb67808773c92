import { setFlagsFromString } from 'node:v8';

// The exports keep a JSON number as written (an ID of 20 digits, `10.00`) where the engine gives a JSON.parse reviver
// each value's source text, as every current browser does and Node does from version 21. Node 20 has it behind a
// flag, turned on here (only where it is missing) so that the viewer's server writes the same exports as the page.
const hasSourceAccess = JSON.parse('1', (_key: string, _value: unknown, context?: unknown) => context !== undefined) as boolean;
if (!hasSourceAccess) setFlagsFromString('--harmony-json-parse-with-source');
