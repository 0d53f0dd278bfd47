package dev.tarn.generate;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * AWS.VPCFlow in the version-2 default format, each file starting with the header line S3 delivery writes.
 * Traffic: HTTPS egress and its replies, east-west service calls, DNS to the VPC resolver, ICMP, rejected
 * probes from the internet, and the occasional NODATA record.
 */
final class VpcFlowWriter implements LogWriter {
  static final String HEADER = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets "
      + "bytes start end action log-status";
  private static final byte[] HEADER_LINE = (HEADER + "\n").getBytes(StandardCharsets.UTF_8);
  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);
  private static final String FLOW_LOG_ID = "fl-0" + Population.stableHex("flow-log", 16);
  private static final String RESOLVER = "10.0.0.2";
  private static final List<String> PUBLIC_SERVICES = List.of("52.94.236.248", "3.5.8.129", "54.239.28.85",
      "140.82.112.3", "151.101.1.69", "104.16.132.229", "142.250.72.14", "13.107.42.14");
  private static final int[] INTERNAL_PORTS = {443, 5432, 6379, 8080, 9092, 2049};
  private static final int[] PROBED_PORTS = {22, 23, 445, 3389, 5900, 8080, 6379, 9200, 2375};
  private static final int[] SCANNER_FIRST_OCTETS = {45, 61, 89, 103, 141, 162, 179, 185, 193, 212, 218, 222};

  private enum Flow { EGRESS, REPLY, INTERNAL, DNS, ICMP, PROBE, NODATA }

  private static final Weighted<Flow> FLOWS = Weighted.<Flow>builder()
      .add(Flow.EGRESS, 30).add(Flow.REPLY, 20).add(Flow.INTERNAL, 25).add(Flow.DNS, 12).add(Flow.ICMP, 2)
      .add(Flow.PROBE, 9).add(Flow.NODATA, 2).build();

  /** A network interface of the production VPC and its private address. */
  private record Eni(String id, String ip) {}

  private static final List<Eni> ENIS = interfaces();

  private final SplittableRandom random;
  private final SplittableRandom names;
  private final boolean gzip;

  VpcFlowWriter(SplittableRandom random, SplittableRandom names, boolean gzip) {
    this.random = requireNonNull(random, "random is null");
    this.names = requireNonNull(names, "names is null");
    this.gzip = gzip;
  }

  private static List<Eni> interfaces() {
    List<Eni> enis = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String ip = "10.0." + (1 + i % 3) + "." + (10 + 17 * i);
      enis.add(new Eni("eni-0" + Population.stableHex("eni:" + i, 16), ip));
    }
    return List.copyOf(enis);
  }

  @Override
  public LogType type() {
    return LogType.VPC_FLOW;
  }

  @Override
  public LogEvent background(Instant time) {
    Eni eni = ENIS.get(random.nextInt(ENIS.size()));
    long start = time.getEpochSecond();
    long end = start + 1 + random.nextInt(60);
    String line = switch (FLOWS.pick(random)) {
      case EGRESS -> record(eni, eni.ip(), pick(PUBLIC_SERVICES), ephemeral(), 443, 6, 3, 400, 100, 1400, start,
          end, "ACCEPT");
      case REPLY -> record(eni, pick(PUBLIC_SERVICES), eni.ip(), 443, ephemeral(), 6, 3, 2000, 200, 1500, start,
          end, "ACCEPT");
      case INTERNAL -> record(eni, eni.ip(), ENIS.get(random.nextInt(ENIS.size())).ip(), ephemeral(),
          INTERNAL_PORTS[random.nextInt(INTERNAL_PORTS.length)], 6, 2, 800, 60, 1400, start, end, "ACCEPT");
      case DNS -> record(eni, eni.ip(), RESOLVER, ephemeral(), 53, 17, 1, 6, 60, 120, start, end, "ACCEPT");
      case ICMP -> record(eni, scanner(), eni.ip(), 0, 0, 1, 1, 4, 84, 84, start, end,
          random.nextBoolean() ? "ACCEPT" : "REJECT");
      case PROBE -> record(eni, scanner(), eni.ip(), ephemeral(), PROBED_PORTS[random.nextInt(PROBED_PORTS.length)],
          6, 1, 3, 40, 60, start, end, "REJECT");
      case NODATA -> "2 " + Population.PROD_ACCOUNT + " " + eni.id() + " - - - - - - - " + start + " " + end
          + " - NODATA";
    };
    return new LogEvent(time, line.getBytes(StandardCharsets.US_ASCII));
  }

  private String record(Eni eni, String src, String dst, int srcPort, int dstPort, int protocol, int minPackets,
      int maxPackets, int minPacketBytes, int maxPacketBytes, long start, long end, String action) {
    int packets = minPackets + random.nextInt(maxPackets - minPackets + 1);
    long bytes = 0;
    for (int i = 0; i < Math.min(packets, 8); i++) {
      bytes += minPacketBytes + random.nextInt(maxPacketBytes - minPacketBytes + 1);
    }
    bytes = bytes * packets / Math.min(packets, 8);
    return "2 " + Population.PROD_ACCOUNT + " " + eni.id() + " " + src + " " + dst + " " + srcPort + " " + dstPort
        + " " + protocol + " " + packets + " " + bytes + " " + start + " " + end + " " + action + " OK";
  }

  private int ephemeral() {
    return 32768 + random.nextInt(28232);
  }

  private String pick(List<String> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  private String scanner() {
    return SCANNER_FIRST_OCTETS[random.nextInt(SCANNER_FIRST_OCTETS.length)] + "." + random.nextInt(256) + "."
        + random.nextInt(256) + "." + (1 + random.nextInt(254));
  }

  @Override
  public String fileName(int index, Instant firstEvent) {
    return Population.PROD_ACCOUNT + "_vpcflowlogs_" + Population.HOME_REGION + "_" + FLOW_LOG_ID + "_"
        + FILE_TIME.format(firstEvent) + "_" + Ids.hex(names, 8) + ".log" + (gzip ? ".gz" : "");
  }

  @Override
  public boolean gzip() {
    return gzip;
  }

  @Override
  public int typicalEventBytes() {
    return 113;
  }

  @Override
  public void beginFile(OutputStream out) throws IOException {
    out.write(HEADER_LINE);
  }
}
