# The organisation's retention period (privacy::retention, docs/decisions/0012-retention.md).
retention-privacy-text = Answers and free text from rounds and campaigns that closed more than { $days } days ago are deleted, as are guests and notes of ended live sessions and the log's lines. A live session nobody ends ends by itself two days after anything last happened in it. The figures the overviews show stay, without names. You keep your own notes and agreements for as long as you are in the organisation.
retention-answers-deleted-heading = The answers have been deleted
retention-answers-deleted-text = The answers in this round have been deleted, because the round closed longer ago than the organisation's retention period. The round's decisions, agreements and action plans are still here.
