const WORDS = (
  'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna ' +
  'aliqua enim ad minim veniam quis nostrud exercitation ullamco laboris nisi aliquip ex ea commodo consequat duis aute ' +
  'irure in reprehenderit voluptate velit esse cillum fugiat nulla pariatur excepteur sint occaecat cupidatat non ' +
  'proident sunt culpa qui officia deserunt mollit anim id est laborum'
).split(' ');

/** A small seeded generator (mulberry32): the same text on every start. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(next: () => number): string {
  const words = Array.from({ length: 8 + Math.floor(next() * 12) }, () => WORDS[Math.floor(next() * WORDS.length)]);
  const text = words.join(' ');
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

/** Numbered paragraphs of filler prose, about `length` characters, ending with a line that says where it ends. */
export function loremText(length: number, seed = 1): string {
  const next = random(seed);
  const paragraphs: string[] = [];
  let size = 0;
  while (size < length) {
    const paragraph = `(Paragraph ${paragraphs.length + 1}) ${Array.from({ length: 3 + Math.floor(next() * 3) }, () => sentence(next)).join(' ')}`;
    paragraphs.push(paragraph);
    size += paragraph.length + 2;
  }
  return `${paragraphs.join('\n\n')}\n\n(End of the ${Math.round(length / 1e6) >= 1 ? `${Math.round(length / 1e6)} MB` : `${Math.round(length / 1e3)} KB`} message.)`;
}

/** One unbroken line of exactly `length` characters: a marker at each end, letters and digits between. */
export function longLine(length: number): string {
  const head = 'LONGLINE-';
  const tail = '-END-HERE';
  const body = 'ABCDEFGHIJ0123456789'.repeat(Math.ceil(length / 20)).slice(0, Math.max(0, length - head.length - tail.length));
  return `${head}${body}${tail}`;
}
