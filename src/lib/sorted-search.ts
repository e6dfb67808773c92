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
