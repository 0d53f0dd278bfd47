package dev.tarn.parse.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class GrokPatternsTest {

  static Iterable<String> builtInNames() {
    return GrokPatterns.BUILTIN.keySet();
  }

  @ParameterizedTest
  @MethodSource("builtInNames")
  void everyBuiltInPatternCompiles(String name) {
    assertThat(GrokCompiler.compile("%{" + name + ":x}", Map.of()).captures()).isNotEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "EMAILADDRESS | first.last+tag@mail.example.com",
      "HOSTNAME | ip-10-0-0-1.ec2.internal",
      "IPORHOST | 192.0.2.10",
      "USERNAME | svc_deploy-01",
      "NUMBER | -12.5",
      "BASE16NUM | 0x1F",
      "POSINT | 8080",
      "NONNEGINT | 0",
      "SYSLOGTIMESTAMP | Jan  2 15:04:05",
      "TIMESTAMP_ISO8601 | 2006-01-02 15:04:05,123+0100",
      "URI | https://user@example.com:8443/a/b?c=d",
      "UNIXPATH | /var/log/messages",
      "MONTH | September",
      "LOGLEVEL | err",
      "PROG | sshd"})
  void builtInPatternMatchesATypicalValue(String name, String value) {
    Matcher matcher = GrokCompiler.compile("%{" + name + ":x}", Map.of()).pattern().matcher(value);

    assertThat(matcher.matches()).as("%s matches '%s'", name, value).isTrue();
  }
}
