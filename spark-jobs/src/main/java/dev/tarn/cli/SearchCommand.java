package dev.tarn.cli;

import dev.tarn.config.TarnConfig;
import dev.tarn.lake.Lake;
import dev.tarn.lake.TarnSpark;
import dev.tarn.search.IndicatorQuery;
import dev.tarn.search.IndicatorSearch;
import dev.tarn.search.SearchEngine;
import dev.tarn.search.SearchKind;
import dev.tarn.search.SearchOutput;
import dev.tarn.search.SearchResult;
import dev.tarn.search.TimeRange;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.deploy.SparkHadoopUtil;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "search", mixinStandardHelpOptions = true,
    description = {"Indicator search (Panther's): the events holding an IP, domain, email, user name, ARN, hash, ... "
        + "in every log table, through the p_any_* columns, grouped by log type.",
        "Give exactly one indicator. The range is on p_event_time, [--from, --to): ISO-8601 instants or dates "
        + "(midnight UTC); by default the last 7 days."})
public final class SearchCommand implements Callable<Integer> {
  @Mixin
  GlobalOptions global;

  @Option(names = "--ip", paramLabel = "ADDRESS", description = "An IPv4 or IPv6 address (p_any_ip_addresses)")
  String ip;

  @Option(names = "--domain", paramLabel = "NAME", description = "A domain name (p_any_domain_names)")
  String domain;

  @Option(names = "--email", paramLabel = "ADDRESS", description = "An email address (p_any_emails)")
  String email;

  @Option(names = "--username", paramLabel = "NAME", description = "A user name (p_any_usernames)")
  String username;

  @Option(names = "--arn", paramLabel = "ARN", description = "An AWS ARN (p_any_aws_arns)")
  String arn;

  @Option(names = "--hash", paramLabel = "HEX",
      description = "An MD5, SHA-1 or SHA-256 digest, by length (p_any_md5_hashes, p_any_sha1_hashes, "
          + "p_any_sha256_hashes)")
  String hash;

  @Option(names = "--aws-account-id", paramLabel = "ID", description = "A 12-digit AWS account id "
      + "(p_any_aws_account_ids)")
  String awsAccountId;

  @Option(names = "--instance-id", paramLabel = "ID", description = "An EC2 instance id (p_any_aws_instance_ids)")
  String instanceId;

  @Option(names = "--tag", paramLabel = "KEY:VALUE", description = "An AWS tag (p_any_aws_tags)")
  String tag;

  @Option(names = "--trace-id", paramLabel = "ID", description = "A trace id (p_any_trace_ids)")
  String traceId;

  @Option(names = "--from", paramLabel = "TIME", description = "Events from this time (inclusive; default: 7 days "
      + "before --to)")
  String from;

  @Option(names = "--to", paramLabel = "TIME", description = "Events before this time (exclusive; default: now)")
  String to;

  @Option(names = "--log-type", paramLabel = "TYPE", split = ",",
      description = "Only these log types, e.g. AWS.CloudTrail (repeat or separate with commas)")
  List<String> logTypes = List.of();

  @Option(names = "--limit", paramLabel = "N", description = "Events shown per log type, latest first; counts are "
      + "always complete (default: " + IndicatorQuery.DEFAULT_LIMIT + "; 0 for counts only)")
  int limit = IndicatorQuery.DEFAULT_LIMIT;

  @Option(names = "--format", description = "table (default) or json")
  String format = "table";

  @Option(names = "--engine", paramLabel = "ENGINE", description = "auto (default): in this process when the data "
      + "files left after pruning to the range are small, else on Spark; local: always in this process (Delta "
      + "Kernel, no Spark job); spark: always as Spark jobs")
  String engine = SearchEngine.AUTO.option();

  @Override
  public Integer call() {
    IndicatorQuery query = query(Instant.now());
    SearchEngine searchEngine = engine();
    TarnConfig config = global.load();
    Lake lake = new Lake(config.lakeUri());
    SearchResult result;
    if (SparkSession.getDefaultSession().isDefined()) {
      // Inside a running session (a cluster's job, a notebook): it also reads the local engine's whole rows.
      result = IndicatorSearch.run(SparkSession.getDefaultSession().get(), lake, query, searchEngine);
    } else {
      // A local search needs no SparkSession: Spark's view of the Hadoop and session settings is enough, and a
      // session is only started for a search that runs on Spark.
      SparkConf spark = new SparkConf();
      result = TarnSpark.withLazySession(lake, "tarn-search", session -> IndicatorSearch.run(lake, query,
          searchEngine, SparkHadoopUtil.get().newConfiguration(spark),
          ZoneId.of(spark.get("spark.sql.session.timeZone", "UTC")), session));
    }
    if (format.equals("json")) {
      SearchOutput.json(result, System.out);
    } else {
      SearchOutput.text(result, System.out);
    }
    return 0;
  }

  private SearchEngine engine() {
    return Arrays.stream(SearchEngine.values()).filter(e -> e.option().equals(engine)).findFirst()
        .orElseThrow(() -> new UserException("invalid --engine '" + engine + "' (expected auto, local or spark)"));
  }

  /** The search the options describe; every mistake is reported before Spark starts. */
  IndicatorQuery query(Instant now) {
    if (!format.equals("table") && !format.equals("json")) {
      throw new UserException("invalid --format '" + format + "' (expected table or json)");
    }
    engine();
    Map<SearchKind, String> given = new LinkedHashMap<>();
    put(given, SearchKind.IP, ip);
    put(given, SearchKind.DOMAIN, domain);
    put(given, SearchKind.EMAIL, email);
    put(given, SearchKind.USERNAME, username);
    put(given, SearchKind.ARN, arn);
    put(given, SearchKind.HASH, hash);
    put(given, SearchKind.AWS_ACCOUNT_ID, awsAccountId);
    put(given, SearchKind.INSTANCE_ID, instanceId);
    put(given, SearchKind.TAG, tag);
    put(given, SearchKind.TRACE_ID, traceId);
    if (given.isEmpty()) {
      throw new UserException("give an indicator to search for: one of --ip, --domain, --email, --username, --arn, "
          + "--hash, --aws-account-id, --instance-id, --tag, --trace-id");
    }
    if (given.size() > 1) {
      throw new UserException("give one indicator per search (got " + given.keySet().stream()
          .map(k -> "--" + k.option()).toList() + "); run one search for each");
    }
    Map.Entry<SearchKind, String> only = given.entrySet().iterator().next();
    try {
      return new IndicatorQuery(Lake.LOGS_DB, only.getKey().indicator(only.getValue()), TimeRange.parse(from, to, now),
          Set.copyOf(logTypes), limit);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
  }

  private static void put(Map<SearchKind, String> given, SearchKind kind, String value) {
    if (value != null) {
      given.put(kind, value);
    }
  }
}
