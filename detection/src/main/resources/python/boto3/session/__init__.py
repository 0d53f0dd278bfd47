"""Import-only stand-in for boto3.session (see boto3)."""
from boto3 import Session  # noqa: F401
