/** The position of `value` among the first `length` entries of an ascending array of numbers, or -1. */
export function indexInSorted(sorted: readonly number[], value: number, length = sorted.length): number {
  let low = 0;
  let high = length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] === value) return middle;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** The largest entry of an ascending array of numbers that is at most `value`, or null when every entry is larger. */
export function lastAtMost(sorted: readonly number[], value: number): number | null {
  let low = 0;
  let high = sorted.length - 1;
  let found: number | null = null;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] <= value) {
      found = sorted[middle];
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}
