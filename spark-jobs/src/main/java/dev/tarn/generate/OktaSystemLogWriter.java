package dev.tarn.generate;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Okta.SystemLog as JSON lines: sign-ins, sign-on policy evaluations, SSO into apps, MFA verifications,
 * token grants and rare admin changes. MFA factor resets never appear here: they are the
 * {@code okta-mfa-reset} scenario's signature.
 */
final class OktaSystemLogWriter implements LogWriter {

  private enum Kind {
    SESSION_START, POLICY, SSO, MFA, VERIFY, SESSION_END, TOKEN, ADMIN_APP, GROUP_ADD, APP_ADD, PROFILE, LOCK
  }

  private static final Weighted<Kind> KINDS = Weighted.<Kind>builder()
      .add(Kind.SESSION_START, 18).add(Kind.POLICY, 14).add(Kind.SSO, 25).add(Kind.MFA, 10).add(Kind.VERIFY, 5)
      .add(Kind.SESSION_END, 5).add(Kind.TOKEN, 8).add(Kind.ADMIN_APP, 1).add(Kind.GROUP_ADD, 0.5)
      .add(Kind.APP_ADD, 0.5).add(Kind.PROFILE, 0.5).add(Kind.LOCK, 0.2).build();
  private static final List<Population.Person> ADMINS = List.of(Population.ALICE, Population.IVAN);
  private static final List<String> GROUPS = List.of("Engineering", "AWS-Prod-ReadOnly", "AWS-Prod-Admins",
      "Security", "Contractors");
  private static final String BEHAVIORS = "{New Geo-Location=NEGATIVE, New Device=NEGATIVE, New IP=NEGATIVE, "
      + "New State=NEGATIVE, New Country=NEGATIVE, Velocity=NEGATIVE, New City=NEGATIVE}";

  private final SplittableRandom random;
  private final boolean gzip;

  OktaSystemLogWriter(SplittableRandom random, boolean gzip) {
    this.random = requireNonNull(random, "random is null");
    this.gzip = gzip;
  }

  @Override
  public LogType type() {
    return LogType.OKTA_SYSTEM_LOG;
  }

  @Override
  public LogEvent background(Instant time) {
    Kind kind = KINDS.pick(random);
    boolean admin = kind == Kind.ADMIN_APP || kind == Kind.GROUP_ADD || kind == Kind.APP_ADD;
    Population.Person person = admin ? ADMINS.get(random.nextInt(ADMINS.size()))
        : Population.PEOPLE.get(random.nextInt(Population.PEOPLE.size()));
    Population.Person other = Population.PEOPLE.get(random.nextInt(Population.PEOPLE.size()));
    String app = Population.OKTA_APPS.get(random.nextInt(Population.OKTA_APPS.size()));
    OktaEvent.Builder event = switch (kind) {
      case SESSION_START -> {
        boolean failed = random.nextInt(100) < 4;
        OktaEvent.Builder start = OktaEvent.builder(time, "user.session.start", "User login to Okta")
            .legacyEventType(failed ? "core.user_auth.login_failed" : "core.user_auth.login_success")
            .credentialType("PASSWORD").debug("requestUri", "/idp/idx/identify").debug("url", "/idp/idx/identify?")
            .debug("behaviors", BEHAVIORS).debug("threatSuspected", "false");
        yield failed ? start.outcome("FAILURE", "INVALID_CREDENTIALS").severity("WARN") : start;
      }
      case POLICY -> OktaEvent.builder(time, "policy.evaluate_sign_on", "Evaluation of sign-on policy")
          .outcome("ALLOW", "Sign-on policy evaluation resulted in ALLOW")
          .target(OktaEvent.entity("PolicyEntity", "rst", "Default Policy"))
          .target(OktaEvent.entity("PolicyRule", "rul", "Require MFA outside office"))
          .debug("requestUri", "/idp/idx/authenticators/poll").debug("threatSuspected", "false");
      case SSO -> OktaEvent.builder(time, "user.authentication.sso", "User single sign on to app")
          .legacyEventType("app.auth.sso")
          .target(OktaEvent.entity("AppInstance", "0oa", app))
          .target(appUser(person))
          .debug("requestUri", "/app/" + app.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "")
              + "/sso/saml");
      case MFA -> OktaEvent.builder(time, "user.authentication.auth_via_mfa", "Authentication of user via MFA")
          .legacyEventType("core.user.factor.attempt_success").credentialType("OTP")
          .target(OktaEvent.entity("AuthenticatorEnrollment", "pfd", "Okta Verify"))
          .debug("factor", "OKTA_VERIFY_PUSH");
      case VERIFY -> OktaEvent.builder(time, "user.authentication.verify", "Verify user identity")
          .credentialType("PASSWORD").debug("requestUri", "/idp/idx/challenge/answer");
      case SESSION_END -> OktaEvent.builder(time, "user.session.end", "User logout from Okta")
          .legacyEventType("core.user_auth.logout_success");
      case TOKEN -> OktaEvent.builder(time, "app.oauth2.as.token.grant.access_token", "OAuth2 access token is granted")
          .legacyEventType("app.oauth2.as.token.grant.access_token_success")
          .target(OktaEvent.entity("access_token", "AT.", "access token"))
          .debug("grantType", "authorization_code").debug("requestUri", "/oauth2/v1/token");
      case ADMIN_APP -> OktaEvent.builder(time, "user.session.access_admin_app", "User accessing Okta admin app")
          .target(OktaEvent.entity("AppInstance", "0oa", "Okta Admin Console"));
      case GROUP_ADD -> OktaEvent.builder(time, "group.user_membership.add", "Add user to group membership")
          .legacyEventType("core.user_group_member.user_add")
          .target(OktaEvent.user(other)).target(OktaEvent.entity("UserGroup", "00g",
              GROUPS.get(random.nextInt(GROUPS.size()))));
      case APP_ADD -> OktaEvent.builder(time, "application.user_membership.add", "Add user to application membership")
          .legacyEventType("app.generic.provision.assign_user_to_app")
          .target(appUser(other)).target(OktaEvent.entity("AppInstance", "0oa", app));
      case PROFILE -> OktaEvent.builder(time, "user.account.update_profile", "Update user profile for Okta")
          .legacyEventType("core.user.config.profile_update.success").target(OktaEvent.user(person));
      case LOCK -> OktaEvent.builder(time, "user.account.lock", "Max sign in attempts exceeded")
          .legacyEventType("core.user_auth.account_locked").severity("WARN")
          .outcome("FAILURE", "LOCKED_OUT");
    };
    return new LogEvent(time, Json.bytes(event.actor(OktaEvent.user(person))
        .client(person.network(), person.browser()).build(random)));
  }

  private static ObjectNode appUser(Population.Person person) {
    ObjectNode user = OktaEvent.entity("AppUser", "0ua", person.email());
    user.put("displayName", person.displayName());
    return user;
  }

  @Override
  public String fileName(int index, Instant firstEvent) {
    return LogWriter.jsonLinesFileName("okta_systemlog", index, firstEvent, gzip);
  }

  @Override
  public boolean gzip() {
    return gzip;
  }

  @Override
  public int typicalEventBytes() {
    return 1750;
  }
}
