/**
 * The custom webhook destination.
 *
 * <p>Each alert is one {@code POST} of the generic notification JSON ({@code Content-Type: application/json}) with:
 * <ul>
 *   <li>{@code X-Tarn-Alert-Id}: the alert id; a retried delivery carries the same id, so receivers can drop
 *       duplicates;</li>
 *   <li>{@code X-Tarn-Signature: sha256=<hex>}, when the destination has an {@code hmacSecret}: the lower-case hex
 *       HMAC-SHA256 of the raw request body, keyed with the UTF-8 bytes of the secret.</li>
 * </ul>
 *
 * <p>To verify a request, a receiver computes HMAC-SHA256 over the body bytes exactly as received (before any JSON
 * parsing or re-encoding), prefixes {@code sha256=}, and compares it with the header in constant time; on mismatch
 * it rejects the request. In Python:
 *
 * <pre>{@code
 * expected = "sha256=" + hmac.new(secret.encode(), request.body, hashlib.sha256).hexdigest()
 * if not hmac.compare_digest(expected, request.headers["X-Tarn-Signature"]):
 *     abort(401)
 * }</pre>
 *
 * <p>The signature covers the body only; it proves the sender knows the secret and the body was not altered. Any
 * 2xx answer counts as delivered; anything else is retried.
 */
package dev.tarn.alerts.delivery.webhook;
