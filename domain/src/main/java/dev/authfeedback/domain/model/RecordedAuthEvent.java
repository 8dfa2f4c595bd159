package dev.authfeedback.domain.model;

/** What RecordAuthEvent answers: the new event's id and the feedback token to mail to the user. */
public record RecordedAuthEvent(String eventId, String feedbackToken) {

    /** The token is a credential: keep it out of logs. */
    @Override
    public String toString() {
        return "RecordedAuthEvent[eventId=" + eventId + ", feedbackToken=(redacted)]";
    }
}
