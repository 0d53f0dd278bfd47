"""Tarn's implementation of the parts of Panther's panther_core package that detections use."""
from panther_core.enriched_event import PantherEvent  # noqa: F401
from panther_core.immutable import ImmutableCaseInsensitiveDict, ImmutableList  # noqa: F401
