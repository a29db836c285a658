package fr.opendmp.core.outbox;

import fr.opendmp.core.caller.Caller;
import fr.opendmp.core.client.DmpClient;
import fr.opendmp.core.client.DmpDocuments;
import fr.opendmp.core.document.Deposit;
import fr.opendmp.core.document.DepositReceipt;
import java.util.Objects;

/**
 * Sends one deposit for the outbox (SPI). The outbox needs the deposit to be idempotent by uniqueId
 * and content hash, as {@link DmpDocuments#deposit} is: after a crash it sends again an item whose
 * first attempt may have reached the DMP. Errors are those of the SDK's root
 * ({@link fr.opendmp.core.error.DmpException}).
 */
@FunctionalInterface
public interface OutboxSender {

    /**
     * @param deposit the deposit (one document, a qualified patient)
     * @param item the outbox item it comes from
     * @return the DMP's receipt
     */
    DepositReceipt send(Deposit deposit, OutboxItem item);

    /**
     * @param dmp the dmp
     * @return a sender depositing with the client's own caller, whatever transport the client uses
     */
    static OutboxSender of(DmpClient dmp) {
        Objects.requireNonNull(dmp, "dmp");
        DmpDocuments documents = dmp.documents();
        return (deposit, item) -> documents.deposit(deposit);
    }

    /**
     * @param dmp the dmp
     * @param caller the caller
     * @return a sender depositing as {@code caller}
     */
    static OutboxSender of(DmpClient dmp, Caller caller) {
        Objects.requireNonNull(dmp, "dmp");
        DmpDocuments documents = dmp.as(Objects.requireNonNull(caller, "caller")).documents();
        return (deposit, item) -> documents.deposit(deposit);
    }
}
