import { startPageRequests } from './early-page-requests';

// Imported first by the entry, so these requests start before React's own code is evaluated.
startPageRequests(window.location);
