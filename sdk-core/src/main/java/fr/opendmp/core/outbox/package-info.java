/**
 * The deposit outbox (issue 19): documents are kept durably until they can be deposited, then sent
 * exactly once, at a rate the DMP accepts.
 *
 * <p>{@link fr.opendmp.core.outbox.DepositOutbox} takes a document, its metadata and the patient's
 * identity, also when that identity is not yet QUALIFIEE, and stores them in an
 * {@link fr.opendmp.core.outbox.OutboxStore} (the JDBC one, {@link fr.opendmp.core.outbox.JdbcOutboxStore},
 * runs on an embedded H2 file with no setup, or on PostgreSQL when several nodes share one queue).
 * Its worker sends what is ready, reports every outcome to an
 * {@link fr.opendmp.core.outbox.OutboxListener}, and relies on the deposit's idempotency by uniqueId
 * and content hash so that a resend after a crash never stores a second copy.
 *
 * <p>Nothing here logs or prints an INS, a name, a birth date or a document body: the store keeps
 * them, {@code toString()} and messages show ids and states only.
 */
package fr.opendmp.core.outbox;
