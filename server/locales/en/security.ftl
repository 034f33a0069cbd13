signin-error-limited-account = Too many attempts: too many wrong passwords have been tried for this account. Wait a few minutes, sign in from a browser you have signed in from before, or choose a new password via "Forgotten your password?".
signin-error-limited-client = Too many attempts: too many wrong passwords have been tried from your connection. Wait a minute and try again.
signin-error-limited-browser = Too many attempts: too many wrong passwords have been tried from this browser. Wait a few minutes, or choose a new password via "Forgotten your password?".
