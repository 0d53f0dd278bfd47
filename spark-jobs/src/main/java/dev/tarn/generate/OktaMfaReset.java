package dev.tarn.generate;

import java.time.Instant;
import java.util.List;

/**
 * {@value #NAME}: an Okta administrator's session, from the attacker's address, resets all of
 * {@code alice.nguyen}'s MFA factors ({@value #RESET_ALL}) and deactivates her Okta Verify factor
 * ({@value #DEACTIVATE}).
 */
final class OktaMfaReset implements Scenario {
  static final String NAME = "okta-mfa-reset";
  static final String RESET_ALL = "user.mfa.factor.reset_all";
  static final String DEACTIVATE = "user.mfa.factor.deactivate";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "All MFA factors of an Okta user reset, and a factor deactivated";
  }

  @Override
  public List<InjectedEvent> events(ScenarioContext context) {
    Instant reset = context.anchor(LogType.OKTA_SYSTEM_LOG);
    Instant deactivated = context.after(reset, 5, 40);
    return List.of(
        InjectedEvent.json(NAME, LogType.OKTA_SYSTEM_LOG, reset, event(reset, RESET_ALL, "Reset all factors for user",
            "core.user.factor.reset_all").build(context.random())),
        InjectedEvent.json(NAME, LogType.OKTA_SYSTEM_LOG, deactivated, event(deactivated, DEACTIVATE,
            "Reset factor for user", "core.user.factor.deactivate").debug("factor", "OKTA_VERIFY_PUSH")
            .build(context.random())));
  }

  private static OktaEvent.Builder event(Instant time, String eventType, String message, String legacy) {
    return OktaEvent.builder(time, eventType, message)
        .legacyEventType(legacy)
        .actor(OktaEvent.user(Population.IVAN))
        .client(Population.ATTACKER_NETWORK, Population.ATTACKER_BROWSER)
        .target(OktaEvent.user(Population.ALICE))
        .debug("requestUri", "/api/v1/users/" + Population.ALICE.oktaId() + "/lifecycle/reset_factors")
        .debug("threatSuspected", "false");
  }
}
