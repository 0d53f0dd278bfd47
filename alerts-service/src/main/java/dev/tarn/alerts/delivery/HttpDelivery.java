package dev.tarn.alerts.delivery;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * One destination's way out over HTTP: checks the target with the {@link NetworkGuard}, POSTs, and turns what happens
 * into a {@link DeliveryResult} the way Panther does (2xx delivered; any other status and any network error
 * retryable; a request that cannot be built permanent).
 *
 * <p>Messages name the host only, never the URL (Slack and Teams webhook URLs are secrets), and every secret value of
 * the destination is masked in response text before anyone sees it, in case a receiver echoes a key back.
 */
public final class HttpDelivery {
  /** Turns a received response (body already masked) into the outcome. */
  @FunctionalInterface
  public interface ResponseMapper {
    DeliveryResult map(int status, String body);
  }

  static final int MAX_RESPONSE_BYTES = 64 * 1024;
  static final int SNIPPET_CHARS = 200;

  private final DeliveryContext context;
  private final boolean allowPrivateNetwork;
  private final SecretMask secrets;

  public HttpDelivery(DeliveryContext context, DestinationConfig config) {
    this.context = requireNonNull(context, "context is null");
    requireNonNull(config, "config is null");
    this.allowPrivateNetwork = config.allowPrivateNetwork();
    this.secrets = SecretMask.of(config);
  }

  /** POSTs JSON; 2xx is delivered, anything else retryable with the status and a short response snippet. */
  public DeliveryResult postJson(URI uri, Map<String, String> headers, JsonNode body) {
    return post(uri, headers, "application/json", PayloadJson.bytes(body), (status, text) -> statusOutcome(uri, status, text));
  }

  /** POSTs a body and lets {@code mapper} judge the response. */
  public DeliveryResult post(URI uri, Map<String, String> headers, String contentType, byte[] body,
      ResponseMapper mapper) {
    Optional<DeliveryResult> refused = context.guard().check(uri, allowPrivateNetwork);
    if (refused.isPresent()) {
      return refused.get();
    }
    String host = uri.getHost();
    HttpRequest request;
    try {
      HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
          .timeout(context.requestTimeout())
          .header("Content-Type", contentType)
          .header("User-Agent", "tarn-alerts")
          .POST(HttpRequest.BodyPublishers.ofByteArray(body));
      if (headers.keySet().stream().noneMatch("Accept"::equalsIgnoreCase)) {
        builder.header("Accept", "application/json");
      }
      headers.forEach(builder::setHeader);
      request = builder.build();
    } catch (IllegalArgumentException e) {
      // Header values can hold secrets; name the problem, not the value.
      return DeliveryResult.permanent(null, "Cannot build the request to " + host
          + ": a header name or value is invalid (check the destination's settings for line breaks or spaces)");
    }
    try {
      HttpResponse<InputStream> response = context.httpClient().send(request,
          HttpResponse.BodyHandlers.ofInputStream());
      String text;
      try (InputStream in = response.body()) {
        text = new String(in.readNBytes(MAX_RESPONSE_BYTES), StandardCharsets.UTF_8);
      }
      return mapper.map(response.statusCode(), mask(text));
    } catch (HttpConnectTimeoutException e) {
      return DeliveryResult.retryable(null, "Timed out connecting to " + host + " after "
          + context.connectTimeout().toMillis() + " ms");
    } catch (HttpTimeoutException e) {
      return DeliveryResult.retryable(null, "No response from " + host + " within "
          + context.requestTimeout().toMillis() + " ms");
    } catch (ConnectException e) {
      return DeliveryResult.retryable(null, "Cannot connect to " + host + ": " + describe(e, uri));
    } catch (IOException e) {
      return DeliveryResult.retryable(null, "Network error talking to " + host + ": " + describe(e, uri));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return DeliveryResult.retryable(null, "Interrupted while sending to " + host);
    }
  }

  /** Panther's rule: 2xx delivered, every other status retryable. */
  public static DeliveryResult statusOutcome(URI uri, int status, String maskedBody) {
    if (status >= 200 && status < 300) {
      return DeliveryResult.delivered(status);
    }
    String snippet = snippet(maskedBody);
    return DeliveryResult.retryable(status, "HTTP " + status + " from " + uri.getHost()
        + (snippet.isEmpty() ? "" : ": " + snippet));
  }

  /** The first characters of a response, on one line. */
  public static String snippet(String text) {
    String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= SNIPPET_CHARS ? oneLine : oneLine.substring(0, SNIPPET_CHARS) + "…";
  }

  /** Replaces every secret value of the destination in {@code text}. */
  public String mask(String text) {
    return secrets.apply(text);
  }

  /** The exception's class and message; the message is masked and stripped of the URL's path, which may be secret. */
  private String describe(Exception e, URI uri) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return e.getClass().getSimpleName();
    }
    String masked = mask(message).replace(uri.toString(), uri.getHost());
    String path = uri.getRawPath();
    if (path != null && path.length() > 1) {
      masked = masked.replace(path, "/" + SecretMask.MASK);
    }
    return e.getClass().getSimpleName() + " " + masked;
  }
}
