/**
 * The HTML export's own CSS: the viewer's colours in light and dark, readable from 320 px up. Chunks of rows far from
 * the viewport are skipped by layout (`content-visibility`), at about their real height (`--chunk`), so a file of
 * 50,000 items opens nearly as fast as a short one. The last two chunks (`.last`) are always laid out: a jump to the
 * end lands on rows of their real height, which do not grow under it. A chunk whose rows wait as text for the
 * viewer script (`.pending`, see html-island.ts) holds their place. Highlighted code uses one-letter classes.
 */
export const HTML_STYLE = `
:root{--chunk:7000px;color-scheme:light dark;--bg:#f4f4f5;--card:#fff;--fg:#18181b;--muted:#52525b;--line:#e4e4e7;--code:#f4f4f5;--link:#4338ca;
--user:#6366f1;--assistant:#10b981;--system:#f59e0b;--developer:#8b5cf6;--tool:#0ea5e9;--reasoning:#71717a;--other:#a1a1aa;
--bad-bg:#ffe4e6;--bad-fg:#881337;--ok-bg:#d1fae5;--ok-fg:#064e3b;--k:#7c3aed;--s:#047857;--c:#71717a;--n:#b45309;--t:#1d4ed8}
@media (prefers-color-scheme:dark){:root{--bg:#09090b;--card:#18181b;--fg:#f4f4f5;--muted:#a1a1aa;--line:#27272a;--code:#0c0c0e;--link:#a5b4fc;
--bad-bg:#4c0519;--bad-fg:#fecdd3;--ok-bg:#064e3b;--ok-fg:#a7f3d0;--k:#c4b5fd;--s:#6ee7b7;--c:#a1a1aa;--n:#fcd34d;--t:#93c5fd}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.55 system-ui,-apple-system,"Segoe UI",sans-serif;display:flex;flex-direction:column}
body>header,body>main,body>aside{width:100%;max-width:54rem;margin:0 auto;padding:0 1rem}
body>header{order:-2;padding-top:1rem}body>aside{order:-1}
h1{font-size:1.4rem;line-height:1.3;margin:.5rem 0;overflow-wrap:anywhere}
dl{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.1rem 1rem;color:var(--muted);margin:0}dd{margin:0;overflow-wrap:anywhere}dt{font-weight:600}time{white-space:nowrap}
.jump{display:inline-block;margin:.5rem 0 0;font-size:.85rem}
.summary{background:var(--card);border:1px solid var(--line);border-radius:.75rem;padding:.75rem 1rem;margin:.75rem 0;font-size:.9rem}
.summary h2{font-size:.95rem;margin:0 0 .4rem;color:var(--fg)}.bad{color:var(--bad-fg)}
.turn-heading{font-size:.8rem;font-weight:600;color:var(--muted);margin:1.5rem 0 .4rem;display:flex;align-items:center;gap:.5rem}
.turn-heading::after{content:"";flex:1;height:1px;background:var(--line)}
.chunk{content-visibility:auto;contain-intrinsic-size:auto var(--chunk)}.pending{min-height:var(--chunk)}
.row{background:var(--card);border:1px solid var(--line);border-left:4px solid var(--other);
border-radius:.5rem;padding:.6rem .9rem;margin:.5rem 0;overflow-wrap:anywhere}
.role-user{border-left-color:var(--user)}.role-assistant{border-left-color:var(--assistant)}.role-system{border-left-color:var(--system)}
.role-developer{border-left-color:var(--developer)}.role-tool{border-left-color:var(--tool)}.role-reasoning{border-left-color:var(--reasoning)}
.failed{border-color:var(--bad-fg);border-left-color:var(--bad-fg)}
h3{font-size:.85rem;margin:0 0 .3rem;color:var(--muted)}h4{font-size:.75rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);margin:.6rem 0 .2rem}
summary{cursor:pointer;font-size:.85rem;line-height:1.5}summary h3{display:inline;margin:0}
.name{font:600 13px/1.4 ui-monospace,SFMono-Regular,Menlo,monospace;color:var(--fg)}
.args{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,monospace;color:var(--muted);overflow-wrap:anywhere}
.badge{font:500 12px/1.4 ui-monospace,monospace;border-radius:.25rem;padding:0 .35rem;background:var(--ok-bg);color:var(--ok-fg);white-space:nowrap}
.badge.is-bad{background:var(--bad-bg);color:var(--bad-fg)}.size,.note{color:var(--muted);font-size:.8rem;overflow-wrap:anywhere}.note{font-style:italic;margin:.3rem 0}
.text{white-space:pre-wrap;margin:.3rem 0}
.md>:first-child{margin-top:0}.md>:last-child{margin-bottom:0}.md h1,.md h2,.md h3,.md h4{font-size:1rem;color:var(--fg);margin:.8rem 0 .3rem;text-transform:none;letter-spacing:0}
.md h1{font-size:1.2rem}.md h2{font-size:1.1rem}.md p,.md ul,.md ol{margin:.4rem 0}.md ul,.md ol{padding-left:1.4rem}
.md blockquote{margin:.4rem 0;padding-left:.8rem;border-left:3px solid var(--line);color:var(--muted)}
.md table{border-collapse:collapse;display:block;overflow-x:auto}.md th,.md td{border:1px solid var(--line);padding:.2rem .5rem}
.md li:has(>input){list-style:none}.md code{font:13px ui-monospace,SFMono-Regular,Menlo,monospace;background:var(--code);padding:.05rem .25rem;border-radius:.25rem}
pre{background:var(--code);border:1px solid var(--line);padding:.6rem;border-radius:.4rem;overflow:auto;white-space:pre-wrap;overflow-wrap:anywhere;font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,monospace;margin:.4rem 0;max-height:40rem}
pre code{background:none;padding:0}.facts{font-size:.8rem;margin:.3rem 0}.label{font:11px ui-monospace,monospace;color:var(--muted);margin-top:.4rem}
img{max-width:100%;border-radius:.4rem}a{color:var(--link)}.removed-link{text-decoration:underline dotted}.real-target{font-size:.8em;padding:0 .25rem;border-radius:.25rem;background:var(--bad-bg);color:var(--bad-fg)}
.hljs .k{color:var(--k)}.hljs .s{color:var(--s)}.hljs .c{color:var(--c);font-style:italic}.hljs .n{color:var(--n)}.hljs .t{color:var(--t)}
@media (max-width:40rem){body{font-size:14px}body>header,body>main,body>aside{padding:0 .6rem}body>header{padding-top:.6rem}.row{padding:.5rem .6rem}:root{--chunk:9500px}}
.chunk.last{content-visibility:visible}.pending>.held{display:none}@media (scripting:none){.held{display:none}}
@media print{.chunk{content-visibility:visible}}
`;
