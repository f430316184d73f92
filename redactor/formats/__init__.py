"""Wire formats in and out. rrweb batches first; HTML snapshots, PostHog and Sentry envelopes later."""
