package dev.tarn.generate;

import java.time.Instant;
import java.util.List;

/**
 * {@value #NAME}: repository {@code example-corp/infra-terraform} made public: a {@value #ACTION} event with
 * visibility {@code public}.
 */
final class GitHubRepoPublic implements Scenario {
  static final String NAME = "github-repo-public";
  static final String ACTION = "repo.access";
  static final String REPO = "infra-terraform";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "A private GitHub repository made public";
  }

  @Override
  public List<InjectedEvent> events(ScenarioContext context) {
    Instant time = context.anchor(LogType.GITHUB_AUDIT);
    return List.of(InjectedEvent.json(NAME, LogType.GITHUB_AUDIT, time,
        GitHubAuditEvent.builder(time, ACTION, Population.ERIN)
            .repo(REPO, "public")
            .put("previous_visibility", "private")
            .put("operation_type", "modify")
            .put("user_agent", Population.ERIN.browser().rawUserAgent())
            .build(context.random())));
  }
}
