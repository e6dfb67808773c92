/** The home page's heading's ID: where the focus goes when what held it is gone (the last recent conversation). */
export const PAGE_HEADING = 'home-heading';
