## The group sees its picture together (tools::promise, domain::promise::Stage).

reveal-heading = The group's picture is shown to everyone at once
reveal-why = The picture appears when the group's leader opens it at the meeting, so you see it together. Until then you can only see how many have answered – not what. That way nobody can read a single answer from how the picture changes.
reveal-wait = The group's leader shows the picture when you meet.
reveal-too-few = The picture can be shown once at least { $needed } have answered.
reveal-ready = The group is ready. I understand that nobody can answer or change an answer once the picture is shown.
reveal-submit = Show the group's picture
reveal-done = The picture is shown to the group. Answering has ended.
reveal-error-already = The picture has already been shown to the group.
reveal-error-too-few = The picture cannot be shown yet: there are too few answers.
reveal-error-confirm = Tick the box when the group is ready. Once the picture is shown, nobody can answer any more.
reveal-error-answers-ended = The group has seen its picture, so answers can no longer be given or changed. What you wrote below has not been saved.
reveal-ended-note = The group has seen its picture; answering has ended.
audit-round-revealed = Showed a leader group its picture
