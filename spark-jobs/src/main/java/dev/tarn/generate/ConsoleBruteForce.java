package dev.tarn.generate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@value #NAME}: {@value #FAILURES} failed console sign-ins for IAM user {@code bob.martin} from the attacker's
 * address, 8-20 seconds apart, then a successful one from the same address.
 */
final class ConsoleBruteForce implements Scenario {
  static final String NAME = "console-brute-force";
  static final int FAILURES = 12;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return FAILURES + " failed AWS console logins for one IAM user from one IP, then a success";
  }

  @Override
  public List<InjectedEvent> events(ScenarioContext context) {
    Population.IamUser victim = Population.BOB_IAM;
    String ip = Population.ATTACKER_NETWORK.ip();
    String agent = Population.ATTACKER_BROWSER.rawUserAgent();
    List<InjectedEvent> events = new ArrayList<>();
    Instant time = context.anchor(LogType.CLOUDTRAIL);
    for (int i = 0; i < FAILURES; i++) {
      events.add(login(context, time, victim, ip, agent, false));
      time = context.after(time, 8, 20);
    }
    events.add(login(context, context.after(time, 15, 45), victim, ip, agent, true));
    return events;
  }

  private static InjectedEvent login(ScenarioContext context, Instant time, Population.IamUser user, String ip,
      String agent, boolean success) {
    return InjectedEvent.json(NAME, LogType.CLOUDTRAIL, time, CloudTrailRecord.consoleLogin(time,
        CloudTrailRecord.iamUserSigningIn(user), ip, agent, success, false).build(context.random()));
  }
}
