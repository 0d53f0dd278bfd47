VISIBILITY_EVENTS = {"change_document_visibility", "change_visibility"}

# "Anyone with the link" and "public on the web": no Google account in the organization needed to open the file.
PUBLIC_VISIBILITIES = {
    "people_with_link": "anyone with the link",
    "public_on_the_web": "the public web",
}


def rule(event):
    if event.deep_get("id", "applicationName") != "drive":
        return False
    if event.get("name") not in VISIBILITY_EVENTS:
        return False
    return event.deep_get("parameters", "visibility") in PUBLIC_VISIBILITIES


def title(event):
    document = event.deep_get("parameters", "doc_title", default="<untitled>")
    actor = event.deep_get("actor", "email", default="<unknown actor>")
    audience = PUBLIC_VISIBILITIES[event.deep_get("parameters", "visibility")]
    return f"Google Drive: [{document}] made visible to {audience} by {actor}"


def dedup(event):
    return event.deep_get("parameters", "doc_id", default="unknown-document")


def severity(event):
    # Public-on-the-web files can be indexed by search engines; link sharing at least needs the link.
    if event.deep_get("parameters", "visibility") == "public_on_the_web":
        return "HIGH"
    return "DEFAULT"


def alert_context(event):
    return {
        "actor": event.deep_get("actor", "email"),
        "document": event.deep_get("parameters", "doc_title"),
        "document_id": event.deep_get("parameters", "doc_id"),
        "owner": event.deep_get("parameters", "owner"),
        "visibility": event.deep_get("parameters", "visibility"),
        "old_visibility": event.deep_get("parameters", "old_visibility"),
        "source_ip": event.get("ipAddress"),
    }
