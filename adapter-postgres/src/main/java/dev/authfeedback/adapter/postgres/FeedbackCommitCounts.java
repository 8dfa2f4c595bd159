package dev.authfeedback.adapter.postgres;

/**
 * Feedback writes committed so far, the transactions they took (fewer when writes arrived
 * together and shared a commit), and the shared transactions that failed and were split into one
 * transaction per write.
 */
public record FeedbackCommitCounts(long writes, long transactions, long splitBatches) {
}
