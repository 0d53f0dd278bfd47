package dev.tarn.detect.pack;

import java.util.List;
import java.util.Map;

/**
 * One embedded test of a rule, scheduled rule or policy ({@code Tests:} in the YAML).
 *
 * @param input the {@code Log} (rules) or {@code Resource} (policies), as JSON-like Java values: {@code Map} (insertion
 *     ordered), {@code List}, {@code String}, {@code Long} ({@code BigInteger} beyond 64 bits), {@code Double},
 *     {@code Boolean}, null. For correlation rules, which have no event, a one-entry map {@code RuleOutputs → list}.
 */
public record DetectionTest(String name, boolean expectedResult, Map<String, Object> input, List<Mock> mocks) {

  /** {@code Mocks: [{objectName, returnValue}]}: the module attribute is patched with a MagicMock returning it. */
  public record Mock(String objectName, Object returnValue) {}
}
