"""The Qt desktop interface, built on :mod:`briefing_app.core`."""
