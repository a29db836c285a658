package fr.opendmp.core.client;

import fr.opendmp.core.access.AccessStatus;
import fr.opendmp.core.access.AuthorizationChange;
import fr.opendmp.core.access.AuthorizationFilter;
import fr.opendmp.core.access.AuthorizedPatient;
import fr.opendmp.core.access.AuthorizedPatientsBy;
import fr.opendmp.core.access.DmpAdministrativeData;
import fr.opendmp.core.access.PatientAuthorization;
import fr.opendmp.core.caller.Caller;
import fr.opendmp.core.client.internal.ClientCore;
import fr.opendmp.core.ins.Ins;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link DmpClient} seen by one caller: every call made through it carries that professional,
 * access mode and bris de glace reason to the credentials provider, and its cached answers are
 * that caller's alone. Cheap to make (one per request is fine); it owns nothing and needs no
 * closing. Thread-safe.
 *
 * <pre>{@code
 * DmpView asDoctor = dmp.as(Caller.of(doctor));
 * if (asDoctor.access(ins).canConsult()) {
 *     asDoctor.documents().search(ins, query);
 * }
 * }</pre>
 */
public final class DmpView {

    private final DmpClient client;
    private final ClientCore core;
    private final Caller caller;
    private final DmpDocuments documents;

    DmpView(DmpClient client, ClientCore core, Caller caller) {
        this.client = client;
        this.core = core;
        this.caller = Objects.requireNonNull(caller, "caller");
        this.documents = new DmpDocuments(core, caller);
    }

    /** @return who makes the calls of this view */
    public Caller caller() {
        return caller;
    }

    /**
     * @param ins the patient's INS
     * @return the DMP's state and this caller's rights for the patient (TD0.2), cached briefly
     */
    public AccessStatus access(Ins ins) {
        client.ensureOpen();
        return core.access(Objects.requireNonNull(ins, "ins"), caller);
    }

    /**
     * @param ins the patient's INS
     * @return {@link #access(Ins)} asynchronously
     */
    public CompletableFuture<AccessStatus> accessAsync(Ins ins) {
        return CompletableFuture.supplyAsync(() -> access(ins), core.executor());
    }

    /**
     * Adds or removes this caller's authorization on the patient's DMP, or its médecin traitant
     * role (TD0.3; DMPi only). Forgets the cached access statuses.
     *
     * @param ins the patient
     * @param change the change
     * @throws fr.opendmp.core.error.OperationNotSupportedException on a transport without it (FHIR)
     */
    public void setAuthorization(Ins ins, AuthorizationChange change) {
        client.ensureOpen();
        Objects.requireNonNull(ins, "ins");
        Objects.requireNonNull(change, "change");
        core.checkOid(ins);
        core.operations().setAuthorization(ins, change, caller);
        core.caches().invalidateAll();
    }

    /**
     * @param ins the ins
     * @param change the change
     * @return {@link #setAuthorization(Ins, AuthorizationChange)} asynchronously
     */
    public CompletableFuture<Void> setAuthorizationAsync(Ins ins, AuthorizationChange change) {
        return CompletableFuture.runAsync(() -> setAuthorization(ins, change), core.executor());
    }

    /**
     * The patients this caller (or its structure) is authorized on (TD0.4; DMPi only).
     *
     * @param since the earliest date compared
     * @param by which date is compared
     * @return the patients, in the DMP's order
     * @throws fr.opendmp.core.error.OperationNotSupportedException on a transport without it (FHIR)
     */
    public List<AuthorizedPatient> authorizedPatients(Instant since, AuthorizedPatientsBy by) {
        client.ensureOpen();
        return core.operations().authorizedPatients(Objects.requireNonNull(since, "since"),
                Objects.requireNonNull(by, "by"), caller);
    }

    /**
     * @param since the since
     * @param by the by
     * @return {@link #authorizedPatients(Instant, AuthorizedPatientsBy)} asynchronously
     */
    public CompletableFuture<List<AuthorizedPatient>> authorizedPatientsAsync(Instant since, AuthorizedPatientsBy by) {
        return CompletableFuture.supplyAsync(() -> authorizedPatients(since, by), core.executor());
    }

    /**
     * The professionals the patient authorized or blocked (TD1.6; DMPi only).
     *
     * @param ins the patient
     * @param filter which professionals
     * @return the professionals
     * @throws fr.opendmp.core.error.OperationNotSupportedException on a transport without it (FHIR)
     */
    public List<PatientAuthorization> authorizations(Ins ins, AuthorizationFilter filter) {
        client.ensureOpen();
        Objects.requireNonNull(ins, "ins");
        core.checkOid(ins);
        return core.operations().authorizations(ins, Objects.requireNonNull(filter, "filter"), caller);
    }

    /**
     * @param ins the ins
     * @param filter the filter
     * @return {@link #authorizations(Ins, AuthorizationFilter)} asynchronously
     */
    public CompletableFuture<List<PatientAuthorization>> authorizationsAsync(Ins ins, AuthorizationFilter filter) {
        return CompletableFuture.supplyAsync(() -> authorizations(ins, filter), core.executor());
    }

    /**
     * The DMP's administrative data and the patient's oppositions (TD1.3a; DMPi only).
     *
     * @param ins the patient
     * @return the administrative data
     * @throws fr.opendmp.core.error.OperationNotSupportedException on a transport without it (FHIR)
     */
    public DmpAdministrativeData administrativeData(Ins ins) {
        client.ensureOpen();
        Objects.requireNonNull(ins, "ins");
        core.checkOid(ins);
        return core.operations().administrativeData(ins, caller);
    }

    /**
     * @param ins the ins
     * @return {@link #administrativeData(Ins)} asynchronously
     */
    public CompletableFuture<DmpAdministrativeData> administrativeDataAsync(Ins ins) {
        return CompletableFuture.supplyAsync(() -> administrativeData(ins), core.executor());
    }

    /** @return the document operations of this caller */
    public DmpDocuments documents() {
        client.ensureOpen();
        return documents;
    }

    /**
     * Opens the patient's record for this caller: access check and search at once, replaced
     * versions folded, newest first, grouped by class and type, what is new since the last visit,
     * and the newest contents fetched in parallel (two round trips on the critical path).
     *
     * @param ins the patient
     * @param options the documents listed, how many to prefetch, the last visit's marker
     * @return the record
     * @throws fr.opendmp.core.error.DmpException for a refusal or a failure of the access check or the search
     */
    public PatientRecord openRecord(Ins ins, RecordOptions options) {
        try {
            return openRecordAsync(ins, options).join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /**
     * @param ins the patient
     * @return {@link #openRecord(Ins, RecordOptions)} with {@link RecordOptions#defaults()}
     */
    public PatientRecord openRecord(Ins ins) {
        return openRecord(ins, RecordOptions.defaults());
    }

    /**
     * @param ins the patient
     * @param options the documents listed, how many to prefetch, the last visit's marker
     * @return {@link #openRecord(Ins, RecordOptions)} asynchronously
     */
    public CompletableFuture<PatientRecord> openRecordAsync(Ins ins, RecordOptions options) {
        client.ensureOpen();
        Objects.requireNonNull(ins, "ins");
        Objects.requireNonNull(options, "options");
        return RecordOpening.open(core, documents, caller, ins, options);
    }

    @Override
    public String toString() {
        return "DmpView[" + caller.professional().map(Object::toString).orElse("provider's professional") + ", "
                + caller.access() + "]";
    }
}
