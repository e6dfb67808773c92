import { startTranscriptRequests } from './early-transcript';

// Imported first by the entry, so these requests start before React's own code is evaluated.
startTranscriptRequests(window.location);
