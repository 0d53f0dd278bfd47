package dev.tarn.generate;

import java.util.List;

/**
 * An attack (or risky change) written into the logs among the benign background, recognisable by exact field
 * values. See {@link Scenarios} for the catalogue.
 */
public interface Scenario {

  /** The name it is selected by, e.g. {@code console-brute-force}. */
  String name();

  /** One sentence for the command's help and summary. */
  String description();

  /** The events, in time order, placed in the windows {@code context} gives. */
  List<InjectedEvent> events(ScenarioContext context);
}
