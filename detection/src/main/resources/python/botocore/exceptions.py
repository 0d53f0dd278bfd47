"""botocore.exceptions as Panther's detections use it: the classes exist so `except ClientError:` works."""


class BotoCoreError(Exception):
    """The base of botocore's own errors."""


class ClientError(Exception):
    """An error response from an AWS service; detections catch it around AWS lookups."""

    def __init__(self, error_response=None, operation_name=None):
        self.response = error_response or {}
        self.operation_name = operation_name
        error = self.response.get("Error", {})
        super(ClientError, self).__init__(
            "An error occurred (%s) when calling the %s operation: %s"
            % (error.get("Code", "Unknown"), operation_name, error.get("Message", "Unknown")))


class NoCredentialsError(BotoCoreError):
    """Unable to locate credentials."""


class NoRegionError(BotoCoreError):
    """You must specify a region."""


class ParamValidationError(BotoCoreError):
    """Parameter validation failed."""


class EndpointConnectionError(BotoCoreError):
    """Could not connect to the endpoint."""
