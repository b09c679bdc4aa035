"""Helpers of the rendering tests: hand-built snapshots and a headless Chromium page."""
