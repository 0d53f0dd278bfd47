def get_event_type(event):
    return None
