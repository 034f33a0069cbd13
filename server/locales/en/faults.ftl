# A live session's command that storage could not save (a full or read-only disk, a cut database connection).
live-refused-not-saved = It was not saved, because the server cannot write just now. Try again shortly.
