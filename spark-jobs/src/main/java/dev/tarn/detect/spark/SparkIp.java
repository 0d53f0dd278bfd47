package dev.tarn.detect.spark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.array_repeat;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.conv;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import dev.tarn.detect.match.Cidr;
import dev.tarn.detect.match.IpText;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/**
 * The IP conditions as built-in Spark expressions (no UDF): validity by {@link IpText}'s regular expressions, and an
 * address's 128 bits ({@link IpText#bits}) built with {@code split}, {@code conv} and {@code lpad}, so a CIDR check
 * is one anchored regular expression over the bits.
 */
final class SparkIp {
  private static final String IPV4_TAIL = "([0-9]+)\\.([0-9]+)\\.([0-9]+)\\.([0-9]+)\\z";
  private static final String PRIVATE = prefixRegex(IpText.PRIVATE_NETWORKS);

  private SparkIp() {}

  static Column isValid(Column text) {
    return text.rlike(IpText.IPV4_REGEX).or(text.rlike(IpText.IPV6_REGEX));
  }

  /**
   * The address as 128 {@code 0}/{@code 1} characters; null when {@code text} is not an address. Intermediate values
   * are bound once ({@link Let}) because each is used several times.
   */
  static Column bits(Column text) {
    Column ipv6 = when(text.rlike(IpText.IPV4_REGEX), concat(lit("::ffff:"), text))
        .when(text.rlike(IpText.IPV6_REGEX), lower(text));
    return Let.bind(ipv6, v -> Let.bind(withoutIpv4Tail(v), p -> Let.bind(hex(p), h -> concat(
        lpad(conv(substring(h, 1, 16), 16, 2), 64, "0"),
        lpad(conv(substring(h, 17, 16), 16, 2), 64, "0")))));
  }

  /** An embedded IPv4 address (always last) as two hex groups. */
  private static Column withoutIpv4Tail(Column v) {
    Column high = hexGroup(regexp_extract(v, IPV4_TAIL, 1), regexp_extract(v, IPV4_TAIL, 2));
    Column low = hexGroup(regexp_extract(v, IPV4_TAIL, 3), regexp_extract(v, IPV4_TAIL, 4));
    return when(v.contains("."), concat(regexp_replace(v, "[0-9.]+\\z", ""), high, lit(":"), low)).otherwise(v);
  }

  /** Eight groups of four hex digits, "::" standing for as many zero groups as make eight. */
  private static Column hex(Column p) {
    Column expanded = Let.bind(groups(substring_index(p, "::", 1)), head ->
        Let.bind(groups(substring_index(p, "::", -1)), tail ->
            org.apache.spark.sql.functions.concat(head,
                array_repeat(lit("0"), lit(8).minus(size(head)).minus(size(tail))), tail)));
    Column groups = when(p.contains("::"), expanded).otherwise(split(p, ":"));
    return array_join(transform(groups, g -> lpad(g, 4, "0")), "");
  }

  private static Column hexGroup(Column highOctet, Column lowOctet) {
    Column value = highOctet.cast(DataTypes.LongType).multiply(256).plus(lowOctet.cast(DataTypes.LongType));
    return lpad(conv(value.cast(DataTypes.StringType), 10, 16), 4, "0");
  }

  private static Column groups(Column part) {
    return when(part.equalTo(""), array().cast("array<string>")).otherwise(split(part, ":"));
  }

  /** A regular expression matching bits that start with any block's prefix. */
  static String prefixRegex(List<Cidr> blocks) {
    return blocks.stream().map(Cidr::prefixBits).collect(Collectors.joining("|", "\\A(?:", ")"));
  }

  /** Whether {@code text} is an address in any of {@code blocks}; null when it is not an address. */
  static Column inAny(Column text, List<Cidr> blocks) {
    return bits(text).rlike(prefixRegex(blocks));
  }

  static Column isPrivate(Column text) {
    return bits(text).rlike(PRIVATE);
  }

  static Column isPublic(Column text) {
    return Let.bind(bits(text), b -> b.isNotNull().and(b.rlike(PRIVATE).unary_$bang()));
  }
}
