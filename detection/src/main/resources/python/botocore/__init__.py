"""Import-only stand-in for botocore: Panther's helpers import it for its exception classes."""

__version__ = "0.0.0+tarn"
