package fr.opendmp.core.outbox;

/**
 * Told of every outcome of the outbox, on the worker's thread (or the caller's for operations).
 * Must be quick and thread-safe; an exception it throws is logged and ignored.
 */
@FunctionalInterface
public interface OutboxListener {

    /** @param outcome what happened */
    void onOutcome(OutboxOutcome outcome);

    /** @return a listener that ignores everything */
    static OutboxListener none() {
        return outcome -> { };
    }
}
