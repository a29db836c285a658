package fr.opendmp.core.outbox;

import fr.opendmp.core.error.AccessRefusal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened to an outbox item, as reported to the {@link OutboxListener}.
 *
 * @param uniqueId the document's uniqueId
 * @param localPatientId the patient's local id
 * @param state the item's state now: {@link OutboxState#SENT}, {@link OutboxState#REFUSED},
 *     {@link OutboxState#WAITING_QUALIFICATION}, {@link OutboxState#WAITING_AUTHORIZATION},
 *     {@link OutboxState#RETRY_SCHEDULED} or {@link OutboxState#CANCELLED}
 * @param reason the reason code, when there is one
 * @param refusal the DMP's access refusal reason, when the DMP refused access
 * @param attempts attempts so far
 * @param nextAttemptAt when the item will be tried again, if it will
 * @param recovered for SENT: the DMP already held the document (an earlier attempt's answer was
 *     lost or the sender crashed), and no second copy was stored
 */
public record OutboxOutcome(String uniqueId, String localPatientId, OutboxState state, Optional<String> reason,
        Optional<AccessRefusal> refusal, int attempts, Optional<Instant> nextAttemptAt, boolean recovered) {

    /**
     * Checks every part.
     *
     * @param uniqueId the unique id
     * @param localPatientId the local patient id
     * @param state the state
     * @param reason the reason
     * @param refusal the refusal
     * @param attempts the attempts
     * @param nextAttemptAt the next attempt at
     * @param recovered the recovered
     */
    public OutboxOutcome {
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(localPatientId, "localPatientId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(refusal, "refusal");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    }

    @Override
    public String toString() {
        return "OutboxOutcome[" + uniqueId + ", " + state + reason.map(r -> " (" + r + ")").orElse("")
                + ", attempts " + attempts + (recovered ? ", recovered" : "") + "]";
    }
}
