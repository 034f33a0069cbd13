# A live session's command that storage could not save (a full or read-only disk, a cut database connection).
live-refused-not-saved = Det blev ikke gemt, fordi serveren ikke kan skrive lige nu. Prøv igen om lidt.
