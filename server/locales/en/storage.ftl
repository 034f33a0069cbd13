# When storage fails (server/src/storage/fault.rs, docs/decisions/0013-when-storage-fails.md).
error-not-saved-title = It was not saved
error-not-saved = What you sent was not saved, because the server cannot write just now. Try again shortly. If it goes on, tell your IT department.

# A query string the page cannot read (server/src/web/query.rs).
error-query-invalid = The address holds values the page cannot read. Go back and try again, or start from the front page.
