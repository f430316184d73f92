"""Where redacted batches go: the embedded store (default) or the upstream collector."""
