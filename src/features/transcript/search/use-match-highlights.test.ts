import { describe, expect, it } from 'vitest';
import { rangesIn } from './use-match-highlights';

function rendered(html: string) {
  const root = document.createElement('div');
  root.innerHTML = html;
  return root;
}

describe('the search highlight ranges', () => {
  it('mark the characters a folded query matched, however many of them it took', () => {
    const root = rendered('<p>Grüße aus der <b>Straße</b>, CAFÉ und cafe\u0301</p>');
    expect(rangesIn(root, 'strasse').map((range) => range.toString())).toEqual(['Straße']);
    expect(rangesIn(root, 'cafe').map((range) => range.toString())).toEqual(['CAFÉ', 'cafe\u0301']);
    expect(rangesIn(root, 'grusse').map((range) => range.toString())).toEqual(['Grüße']);
    // "s" matches twice in the "ss" that "ß" folds to: the letter is marked once.
    expect(rangesIn(rendered('<p>Maß</p>'), 's').map((range) => range.toString())).toEqual(['ß']);
  });

  it('find a word split across inline elements, as in highlighted code, but never join two blocks', () => {
    const code = rendered('<pre><span class="hljs-title">config</span>.<span class="hljs-property">baseUrl</span> = url;</pre>');
    expect(rangesIn(code, 'config.baseurl').map((range) => range.toString())).toEqual(['config.baseUrl']);
    expect(rangesIn(rendered('<p>Caf<b>é</b> Zürich</p>'), 'cafe zurich').map((range) => range.toString())).toEqual(['Café Zürich']);
    expect(rangesIn(rendered('<p>the end</p><p>of it</p>'), 'endof')).toEqual([]);
    // Empty and folded-away nodes in between take no place.
    expect(rangesIn(rendered('<p>ab<span></span><i>\u0301</i>cd</p>'), 'abcd').map((range) => range.toString())).toEqual(['ab\u0301cd']);
  });

  it("leave the page's own words alone: a row's badge, its token label, its buttons", () => {
    const row = rendered('<article><span data-search-skip="">User</span><span data-search-skip="">≈ 12 tokens</span><span data-search-skip=""><button>Copy</button></span><p>The user counts tokens</p></article>');
    expect(rangesIn(row, 'user').map((range) => range.toString())).toEqual(['user']);
    expect(rangesIn(row, 'tokens').map((range) => range.toString())).toEqual(['tokens']);
    expect(rangesIn(row, 'copy')).toEqual([]);
  });

  it('mark a match across a line break, and across white space split between two nodes', () => {
    expect(rangesIn(rendered('<p>Line one\nline two</p>'), 'one line').map((range) => range.toString())).toEqual(['one\nline']);
    const code = rendered('<pre><span>foo\n</span>  bar</pre>');
    expect(rangesIn(code, 'foo bar').map((range) => range.toString())).toEqual(['foo\n  bar']);
    expect(rangesIn(rendered('<pre>one.\n\ntwo</pre>'), 'one. two')).toEqual([]);
  });

  it('stop at a limit, with the first matches in the order the page shows them', () => {
    const root = rendered('<p>one match</p><p>two match</p><p>three match</p>');
    expect(rangesIn(root, 'match', 1).map((range) => range.startContainer.textContent)).toEqual(['one match']);
    expect(rangesIn(root, 'match', 2)).toHaveLength(2);
  });

  it('keep their place after a letter that lowers to two code units', () => {
    const root = rendered('<p>İİİİİİİİİİ then target word</p>');
    expect(rangesIn(root, 'word').map((range) => range.toString())).toEqual(['word']);
  });
});
