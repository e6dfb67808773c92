const IMAGE_DATA_URL = /^data:image\/(png|jpeg|jpg|gif|webp);base64,/i;

/** Images load only from https: and from base64 PNG, JPEG, GIF or WebP data: URLs; never SVG, which can script. */
export function isSafeImageUrl(url: unknown): url is string {
  if (typeof url !== 'string') return false;
  if (url.startsWith('data:')) return IMAGE_DATA_URL.test(url.slice(0, 40));
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/** Links from conversation content may only point to http(s) or mailto; anything else is shown as text. */
export function safeLinkHref(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  try {
    const parsed = new URL(url);
    return ['https:', 'http:', 'mailto:'].includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A base64 image from image_generation_call, which carries no media type: sniff it from the first bytes. */
export function base64ImageUrl(base64: unknown): string | null {
  if (typeof base64 !== 'string' || base64.length < 8) return null;
  const type = base64.startsWith('iVBOR')
    ? 'png'
    : base64.startsWith('/9j/')
      ? 'jpeg'
      : base64.startsWith('R0lGOD')
        ? 'gif'
        : base64.startsWith('UklGR')
          ? 'webp'
          : null;
  return type ? `data:image/${type};base64,${base64}` : null;
}
