"""Tarn's panther_detection_helpers: the caching module, backed by Tarn's KV store instead of DynamoDB."""
