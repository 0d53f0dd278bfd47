package dev.tarn.generate;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * GitHub.Audit as JSON lines: mostly git clones, fetches and pushes, pull requests and workflow runs, with
 * rare membership, repository and branch-protection changes. {@code repo.access} (a visibility change) never
 * appears here: it is the {@code github-repo-public} scenario's signature.
 */
final class GitHubAuditWriter implements LogWriter {

  private enum Kind {
    CLONE, FETCH, PUSH, PR_CREATE, PR_MERGE, REVIEW, WORKFLOW, DOWNLOAD_ZIP, REPO_CREATE, REPO_ADD_MEMBER,
    TEAM_ADD_MEMBER, ORG_ADD_MEMBER, BRANCH_UPDATE, BRANCH_DESTROY
  }

  private static final Weighted<Kind> KINDS = Weighted.<Kind>builder()
      .add(Kind.CLONE, 30).add(Kind.FETCH, 25).add(Kind.PUSH, 15).add(Kind.PR_CREATE, 4).add(Kind.PR_MERGE, 3)
      .add(Kind.REVIEW, 3).add(Kind.WORKFLOW, 6).add(Kind.DOWNLOAD_ZIP, 0.5).add(Kind.REPO_CREATE, 0.3)
      .add(Kind.REPO_ADD_MEMBER, 0.3).add(Kind.TEAM_ADD_MEMBER, 0.4).add(Kind.ORG_ADD_MEMBER, 0.2)
      .add(Kind.BRANCH_UPDATE, 0.4).add(Kind.BRANCH_DESTROY, 0.05).build();
  private static final List<String> PERMISSIONS = List.of("read", "write", "maintain");
  private static final String BROWSER = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 "
      + "(KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";

  private final SplittableRandom random;
  private final boolean gzip;

  GitHubAuditWriter(SplittableRandom random, boolean gzip) {
    this.random = requireNonNull(random, "random is null");
    this.gzip = gzip;
  }

  @Override
  public LogType type() {
    return LogType.GITHUB_AUDIT;
  }

  @Override
  public LogEvent background(Instant time) {
    Population.Person actor = Population.PEOPLE.get(random.nextInt(Population.PEOPLE.size()));
    Population.Person other = Population.PEOPLE.get(random.nextInt(Population.PEOPLE.size()));
    String repo = Population.GITHUB_REPOS.get(random.nextInt(Population.GITHUB_REPOS.size()));
    String visibility = repo.equals("docs") ? "internal" : "private";
    long pullRequest = 100 + random.nextInt(4000);
    GitHubAuditEvent.Builder event = switch (KINDS.pick(random)) {
      case CLONE -> git(time, "git.clone", actor, repo, "access");
      case FETCH -> git(time, "git.fetch", actor, repo, "access");
      case PUSH -> git(time, "git.push", actor, repo, "modify");
      case PR_CREATE -> pullRequest(time, "pull_request.create", actor, repo, pullRequest, "create");
      case PR_MERGE -> pullRequest(time, "pull_request.merge", actor, repo, pullRequest, "modify");
      case REVIEW -> pullRequest(time, "pull_request_review.submit", actor, repo, pullRequest, "create")
          .put("review_id", 1_900_000_000L + random.nextInt(90_000_000));
      case WORKFLOW -> GitHubAuditEvent.builder(time, "workflows.completed_workflow_run", actor)
          .repo(repo, visibility).put("operation_type", "modify").put("event", "push").put("head_branch", "main")
          .put("name", "CI").put("workflow_run_id", 9_000_000_000L + random.nextInt(900_000_000))
          .put("conclusion", random.nextInt(10) == 0 ? "failure" : "success")
          .put("started_at", time.minusSeconds(60 + random.nextInt(900)).toString())
          .put("completed_at", time.toString());
      case DOWNLOAD_ZIP -> web(time, "repo.download_zip", actor).repo(repo, visibility).put("operation_type", "access");
      case REPO_CREATE -> web(time, "repo.create", actor).repo(repo + "-" + Ids.hex(random, 4), visibility)
          .put("operation_type", "create");
      case REPO_ADD_MEMBER -> web(time, "repo.add_member", actor).repo(repo, visibility).user(other)
          .put("permission", PERMISSIONS.get(random.nextInt(PERMISSIONS.size()))).put("operation_type", "create");
      case TEAM_ADD_MEMBER -> web(time, "team.add_member", actor).user(other).put("operation_type", "modify")
          .put("team", Population.GITHUB_ORG + "/"
              + Population.GITHUB_TEAMS.get(random.nextInt(Population.GITHUB_TEAMS.size())));
      case ORG_ADD_MEMBER -> web(time, "org.add_member", actor).user(other).put("permission", "read")
          .put("operation_type", "create");
      case BRANCH_UPDATE -> web(time, "protected_branch.update", actor).repo(repo, visibility).put("name", "main")
          .put("operation_type", "modify");
      case BRANCH_DESTROY -> web(time, "protected_branch.destroy", actor).repo(repo, visibility).put("name", "main")
          .put("operation_type", "remove");
    };
    return new LogEvent(time, Json.bytes(event.build(random)));
  }

  private GitHubAuditEvent.Builder git(Instant time, String action, Population.Person actor, String repo,
      String operation) {
    boolean ssh = random.nextInt(3) == 0;
    return GitHubAuditEvent.builder(time, action, actor)
        .put("repo", GitHubAuditEvent.repository(repo))
        .put("repository", GitHubAuditEvent.repository(repo))
        .put("repository_public", false)
        .put("transport_protocol", ssh ? 2 : 1)
        .put("transport_protocol_name", ssh ? "ssh" : "http")
        .put("operation_type", operation);
  }

  private GitHubAuditEvent.Builder pullRequest(Instant time, String action, Population.Person actor, String repo,
      long number, String operation) {
    return web(time, action, actor).repo(repo, repo.equals("docs") ? "internal" : "private")
        .put("pull_request_id", 1_700_000_000L + number)
        .put("pull_request_url", "https://github.com/" + GitHubAuditEvent.repository(repo) + "/pull/" + number)
        .put("operation_type", operation);
  }

  private static GitHubAuditEvent.Builder web(Instant time, String action, Population.Person actor) {
    return GitHubAuditEvent.builder(time, action, actor).put("user_agent", BROWSER);
  }

  @Override
  public String fileName(int index, Instant firstEvent) {
    return LogWriter.jsonLinesFileName("github_audit", index, firstEvent, gzip);
  }

  @Override
  public boolean gzip() {
    return gzip;
  }

  @Override
  public int typicalEventBytes() {
    return 500;
  }
}
