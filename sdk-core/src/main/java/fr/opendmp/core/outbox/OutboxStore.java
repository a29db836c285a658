package fr.opendmp.core.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where the outbox keeps its items (SPI). {@link JdbcOutboxStore} is the implementation shipped with
 * the SDK; an application may give its own. Every method is thread-safe and durable when it
 * returns: a crash after it loses nothing.
 *
 * <p>Items are written under two guards: a worker writes an item it holds (its lease), and an
 * operation writes an item nobody holds at the version it read. Several workers, in one JVM or
 * several, may share a store: {@link #claim} hands an item to one of them only.
 */
public interface OutboxStore extends AutoCloseable {

    /**
     * Stores a new item, or finds the one already stored under its uniqueId.
     *
     * @param item the item (version 0)
     * @return the stored item (the earlier one when the uniqueId was already queued with the same content)
     * @throws OutboxException if the uniqueId was queued with other content, or the store failed
     */
    OutboxItem insert(OutboxItem item);

    /**
     * @param uniqueId the unique id
     * @return the item stored under this uniqueId
     */
    Optional<OutboxItem> find(String uniqueId);

    /**
     * @param localPatientId the local patient id
     * @return the items of this patient (local id), oldest first
     */
    List<OutboxItem> byPatient(String localPatientId);

    /**
     * @param states the states
     * @return the items in these states, oldest first
     */
    List<OutboxItem> list(Set<OutboxState> states);

    /**
     * Hands at most {@code max} sendable items whose time has come and that no live lease holds to
     * {@code owner} until {@code leaseUntil}, counting one more attempt for each; no other call of
     * any JVM gets them before the lease ends or is released.
     *
     * @param now the now
     * @param max the max
     * @param owner the owner
     * @param leaseUntil the lease until
     * @return the items now held by {@code owner}, their lease and attempts updated
     */
    List<OutboxItem> claim(Instant now, int max, String owner, Instant leaseUntil);

    /**
     * Writes an item {@code owner} holds.
     *
     * @param item the new values
     * @param owner the lease holder
     * @param release whether to release the lease (the outcome is final for this attempt)
     * @return false if {@code owner} no longer holds the item (nothing written)
     */
    boolean writeLeased(OutboxItem item, String owner, boolean release);

    /**
     * Writes an item that nobody holds, if it is still at {@code item.version()}.
     *
     * @param item the new values
     * @param now the time, to tell whether a lease is live
     * @return false if the item changed since it was read or a worker holds it (nothing written)
     */
    boolean update(OutboxItem item, Instant now);

    /**
     * Deletes sent items sent before {@code before} (the DMP holds them; the content need not stay here).
     *
     * @param before the before
     * @return how many were deleted
     */
    int purgeSent(Instant before);

    /** Releases the store's resources (connections). */
    @Override
    void close();
}
