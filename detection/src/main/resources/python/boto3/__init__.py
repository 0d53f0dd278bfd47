"""Import-only stand-in for boto3.

Panther's global helpers import boto3 at module top even when a rule never calls AWS. Tarn's rule sandbox has no
network and no AWS credentials, so this module lets those imports succeed and makes every AWS call fail with an
error that says so.
"""

__version__ = "0.0.0+tarn"

_MESSAGE = ("boto3.%s(): AWS API calls are not available to detections in Tarn (the rule sandbox has no network "
            "and no AWS credentials); mock the helper that calls AWS in the detection's tests")


class AwsCallNotAvailable(RuntimeError):
    """Raised by every AWS entry point of this module."""


def _unavailable(name):
    def call(*args, **kwargs):
        raise AwsCallNotAvailable(_MESSAGE % name)
    call.__name__ = name
    return call


client = _unavailable("client")
resource = _unavailable("resource")
setup_default_session = _unavailable("setup_default_session")


class Session(object):
    def __init__(self, *args, **kwargs):
        raise AwsCallNotAvailable(_MESSAGE % "Session")
