package dev.tarn.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkGuardTest {
  private final NetworkGuard guard = new NetworkGuard();

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "localhost", "0.0.0.0", "10.1.2.3", "172.16.0.1",
      "172.31.255.255", "192.168.1.1", "169.254.169.254", "169.254.10.20", "100.64.0.1", "100.127.255.254",
      "224.0.0.1", "239.255.255.250", "255.255.255.255", "240.0.0.1", "[::1]", "[::]", "[fe80::1]", "[fc00::1]",
      "[fd00:ec2::254]", "[ff02::1]", "[fec0::1]", "[::ffff:127.0.0.1]", "[::ffff:a9fe:a9fe]", "[::ffff:10.0.0.1]",
      "[64:ff9b::a9fe:a9fe]", "[2002:c0a8:0101::1]", "[::127.0.0.1]"})
  void refusesInternalAddressesByDefault(String host) {
    Optional<DeliveryResult> refused = guard.check(URI.create("https://" + host + "/hook"), false);
    assertThat(refused).isPresent();
    assertThat(refused.get().permanent()).isTrue();
    assertThat(refused.get().success()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "localhost", "10.1.2.3", "192.168.1.1", "169.254.169.254", "[::1]",
      "[fc00::1]", "[fe80::1]"})
  void allowsInternalAddressesWhenTheDestinationAllowsPrivateNetworks(String host) {
    assertThat(guard.check(URI.create("http://" + host + ":8080/hook"), true)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "172.32.0.1", "172.15.255.255", "100.128.0.1", "100.63.255.255",
      "169.253.1.1", "192.169.0.1", "11.0.0.1", "[2606:4700:4700::1111]", "[2001:4860:4860::8888]",
      "[::ffff:8.8.8.8]", "[64:ff9b::808:808]"})
  void allowsPublicAddresses(String host) {
    assertThat(guard.check(URI.create("https://" + host + "/hook"), false)).isEmpty();
  }

  @Test
  void refusalNamesTheHostTheReasonAndHowToAllowIt() {
    DeliveryResult refused = guard.check(URI.create("http://169.254.169.254/latest/meta-data/iam"), false)
        .orElseThrow();
    assertThat(refused.message())
        .contains("169.254.169.254")
        .contains("cloud instance metadata")
        .contains("set allowPrivateNetwork on the destination")
        .doesNotContain("/latest/meta-data");
  }

  @Test
  void refusalOfAHostNameShowsTheAddressItResolvedTo() {
    DeliveryResult refused = guard.check(URI.create("http://localhost:9/T000/B000/secret"), false).orElseThrow();
    assertThat(refused.message()).contains("host localhost (127.0.0.1)").contains("loopback")
        .doesNotContain("secret");
  }

  @Test
  void refusesAHostWhenAnyOfItsAddressesIsInternal() throws Exception {
    InetAddress[] mixed = {InetAddress.getByName("8.8.8.8"), InetAddress.getByName("10.0.0.5")};
    NetworkGuard withMixedDns = new NetworkGuard(host -> mixed);
    assertThat(withMixedDns.check(URI.create("https://hooks.example.com/x"), false)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://example.com/x", "file:///etc/passwd", "gopher://example.com/", "jar:file:/x!/y"})
  void refusesSchemesOtherThanHttpEvenWhenPrivateNetworksAreAllowed(String url) {
    DeliveryResult refused = guard.check(URI.create(url), true).orElseThrow();
    assertThat(refused.permanent()).isTrue();
    assertThat(refused.message()).contains("must use http or https");
  }

  @Test
  void aHostThatDoesNotResolveIsRetryable() {
    NetworkGuard noDns = new NetworkGuard(host -> {
      throw new UnknownHostException(host);
    });
    DeliveryResult result = noDns.check(URI.create("https://hooks.example.com/x"), false).orElseThrow();
    assertThat(result.permanent()).isFalse();
    assertThat(result.message()).contains("Cannot resolve host hooks.example.com");
  }

  @Test
  void classifiesIpv4MappedIpv6AddressesByTheirIpv4Part() throws Exception {
    // InetAddress.getByName turns ::ffff:a.b.c.d into an Inet4Address; build the IPv6 form directly.
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xff;
    mapped[11] = (byte) 0xff;
    mapped[12] = (byte) 169;
    mapped[13] = (byte) 254;
    mapped[14] = (byte) 169;
    mapped[15] = (byte) 254;
    InetAddress address = Inet6Address.getByAddress(null, mapped, null);
    assertThat(address).isInstanceOf(Inet6Address.class);
    assertThat(NetworkGuard.blockedReason(address)).hasValueSatisfying(reason ->
        assertThat(reason).contains("IPv4-mapped").contains("metadata"));
  }
}
