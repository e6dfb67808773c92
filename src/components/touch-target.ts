/**
 * At least 24 px square where the pointer is a finger (WCAG's minimum target size), for a control that is smaller
 * than that beside a mouse: an inline button or a link on a line of its own.
 */
export const TOUCH_TARGET = 'pointer-coarse:min-h-6 pointer-coarse:min-w-6';
