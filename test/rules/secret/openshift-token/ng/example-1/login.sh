oc login --token=sha256~PRu3UNzojpSZT-XtSSrKaqWCMxW2AJy-V4Xy5r3FQgx
