# When storage fails (server/src/storage/fault.rs, docs/decisions/0013-when-storage-fails.md).
error-not-saved-title = Det blev ikke gemt
error-not-saved = Det, du sendte, blev ikke gemt, fordi serveren ikke kan skrive lige nu. Prøv igen om lidt. Hvis det bliver ved, så sig det til jeres it-afdeling.

# A query string the page cannot read (server/src/web/query.rs).
error-query-invalid = Adressen indeholder værdier, som siden ikke kan læse. Gå tilbage, og prøv igen, eller start fra forsiden.
