# What the server does not read: the wrong kind of content, unreadable characters

input-error-media-type-title = The form could not be read
input-error-media-type = What was sent was not a form from the page, so nothing was saved or changed. Go back, reload the page and send the form again.
input-error-not-utf8 = The form contained characters that could not be read, so nothing was saved. Type the text again and send the form again.
