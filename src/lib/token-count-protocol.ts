/** What the page asks the token counter: the texts of a batch of items. */
export interface ToTokenCounter {
  id: number;
  texts: string[];
}

/** Its answer: a count per text, in order, or why there is none (the tokenizer could not be loaded). */
export type FromTokenCounter = { id: number; counts: number[] } | { id: number; error: string };
