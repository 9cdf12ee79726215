// The statistics every bench reports with, in one place.

/** The middle value (the mean of the two middle ones for an even count). */
export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** The value below which `share` of the already sorted values fall (nearest rank). */
export const percentile = (sorted, share) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))];

/**
 * `ratio` with three decimals, or more where three would round it onto `bound`: a ratio a hair past
 * its bound must not read as the bound itself.
 */
export const ratioText = (ratio, bound) => {
  let digits = 3;
  while (digits < 6 && ratio !== bound && Number(ratio.toFixed(digits)) === bound) digits++;
  return `${ratio.toFixed(digits)}x`;
};
