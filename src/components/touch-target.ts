/**
 * At least 24 px square where the pointer is a finger (WCAG's minimum target size), for a control that is smaller
 * than that beside a mouse: an inline button or a link on a line of its own.
 */
export const TOUCH_TARGET = 'pointer-coarse:min-h-6 pointer-coarse:min-w-6';

/**
 * Room at the top of a block for the button over its corner, where the pointer is a finger: there the button is
 * always shown (no hover brings it), and would cover the block's first line. Here rather than beside the Markdown
 * view: markdown-view.css builds every class named in that file a second time.
 */
export const ROOM_FOR_CORNER_BUTTON = 'pointer-coarse:pt-10';
