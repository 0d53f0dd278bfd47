/**
 * Text parsers written in Java for built-in log types whose format no declarative parser covers (VPC flow headers,
 * S3 and ALB access logs, Apache access logs, RFC 5424 syslog). {@link dev.tarn.parse.natives.NativeParsers} makes
 * them by log type name. They emit the schema's field names and render timestamps as RFC 3339 UTC.
 */
package dev.tarn.parse.natives;
