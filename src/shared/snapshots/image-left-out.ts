/** What an image's data URL becomes inside other text; the viewer shows it as a left-out image. */
export const IMAGE_LEFT_OUT = '[image left out]';
