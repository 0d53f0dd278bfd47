package dev.tarn.alerts.delivery.sqs;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SQS queue URL, {@code http(s)://<host>/<account>/<queue name>}. AWS hosts ({@code sqs.<region>.amazonaws.com},
 * legacy {@code <region>.queue.amazonaws.com}) reveal the region; other hosts (ElasticMQ, LocalStack) do not.
 */
public record QueueUrl(URI uri, String account, String name, Optional<String> region) {
  public static final String EXPECTED = "https://sqs.<region>.amazonaws.com/<account id>/<queue name>";

  private static final Pattern PATH = Pattern.compile("/([A-Za-z0-9_-]+)/([A-Za-z0-9_-]{1,80}(?:\\.fifo)?)/?");
  private static final Pattern AWS_HOST = Pattern.compile(
      "(?:sqs\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?|([a-z0-9-]+)\\.queue\\.amazonaws\\.com(?:\\.cn)?)");

  public QueueUrl {
    requireNonNull(uri, "uri is null");
    requireNonNull(account, "account is null");
    requireNonNull(name, "name is null");
    requireNonNull(region, "region is null");
  }

  public static Optional<QueueUrl> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(text.strip());
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawPath() == null
        || uri.getRawQuery() != null) {
      return Optional.empty();
    }
    Matcher path = PATH.matcher(uri.getRawPath());
    if (!path.matches()) {
      return Optional.empty();
    }
    Matcher host = AWS_HOST.matcher(uri.getHost().toLowerCase(Locale.ROOT));
    Optional<String> region = Optional.empty();
    if (host.matches()) {
      region = Optional.of(host.group(1) != null ? host.group(1) : host.group(2));
    }
    return Optional.of(new QueueUrl(uri, path.group(1), path.group(2), region));
  }

  @Override
  public String toString() {
    return uri.toString();
  }
}
