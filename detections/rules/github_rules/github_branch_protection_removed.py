from tarn_base_helpers import udm_actor_context

REMOVALS = {"protected_branch.destroy", "repository_ruleset.destroy"}

# Branches whose protection guards what gets deployed.
RELEASE_BRANCHES = {"main", "master", "production", "release"}


def rule(event):
    return event.get("action") in REMOVALS


def title(event):
    repo = event.get("repo", "<unknown repo>")
    name = event.get("name") or event.get("branch")
    actor = event.udm("actor_user")
    if event.get("action") == "repository_ruleset.destroy":
        return f"GitHub: ruleset [{name or 'unnamed'}] deleted from {repo} by {actor}"
    target = f"{repo}:{name}" if name else repo
    return f"GitHub: branch protection removed from {target} by {actor}"


def severity(event):
    # A ruleset's name says nothing about the branches it covered, so only branch protections are graded.
    if event.get("action") != "protected_branch.destroy":
        return "DEFAULT"
    branch = event.get("name") or event.get("branch") or ""
    if branch.removeprefix("refs/heads/") in RELEASE_BRANCHES:
        return "HIGH"
    return "DEFAULT"


def alert_context(event):
    return {
        "repo": event.get("repo"),
        "branch_or_ruleset": event.get("name") or event.get("branch"),
        "action": event.get("action"),
        **udm_actor_context(event),
    }
