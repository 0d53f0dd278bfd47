package dev.tarn.generate;

import java.time.Instant;
import java.util.List;

/** {@value #NAME}: a successful console sign-in as the production account's root user, without MFA. */
final class RootConsoleLogin implements Scenario {
  static final String NAME = "root-console-login";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "AWS console login as the root user without MFA";
  }

  @Override
  public List<InjectedEvent> events(ScenarioContext context) {
    Instant time = context.anchor(LogType.CLOUDTRAIL);
    return List.of(InjectedEvent.json(NAME, LogType.CLOUDTRAIL, time, CloudTrailRecord.consoleLogin(time,
            CloudTrailRecord.root(Population.PROD_ACCOUNT), Population.ATTACKER_NETWORK.ip(),
            Population.ATTACKER_BROWSER.rawUserAgent(), true, false)
        .build(context.random())));
  }
}
