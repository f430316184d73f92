"""End-to-end tests: the real rrweb recorder in headless Chromium against `redactor serve`."""
