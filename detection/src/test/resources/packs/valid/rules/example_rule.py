def rule(event):
    return event.get("eventName") != "Describe"


def title(event):
    return "example"
