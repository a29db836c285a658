package fr.opendmp.testkit.dmp.internal;

import fr.opendmp.testkit.dmp.AccessEvent;
import fr.opendmp.testkit.dmp.DefaultAuthorization;
import fr.opendmp.testkit.dmp.FakePatient;
import fr.opendmp.testkit.dmp.FakeProfessional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The fake's whole state behind one read/write lock, with per-patient and per-uniqueId indexes.
 * Callers run reads in {@link #read} and changes in {@link #write}.
 */
public final class DmpStore {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final DefaultAuthorization defaultAuthorization;

    private final Map<String, FakePatient> patients = new HashMap<>();
    private final Map<String, FakeProfessional> professionals = new HashMap<>();
    private final Map<String, Set<String>> blocked = new HashMap<>();
    private final Map<String, Map<String, Boolean>> authorizations = new HashMap<>();
    private final Map<String, StoredDocument> documents = new HashMap<>();
    private final Map<String, List<String>> documentsByPatient = new HashMap<>();
    private final Map<String, String> documentByUniqueId = new HashMap<>();
    private final Map<String, String> documentByBinaryId = new HashMap<>();
    private final Map<String, List<String>> documentsByIdentifierValue = new HashMap<>();
    private final Map<String, StoredList> lists = new HashMap<>();
    private final Map<String, List<String>> listsByPatient = new HashMap<>();
    private final List<AccessEvent> history = new ArrayList<>();

    /** Creates an empty store. */
    public DmpStore(DefaultAuthorization defaultAuthorization) {
        this.defaultAuthorization = defaultAuthorization;
    }

    /** Runs a read under the read lock. */
    public <T> T read(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs a change under the write lock. */
    public <T> T write(Supplier<T> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Empties everything. */
    public void clear() {
        write(() -> {
            patients.clear();
            professionals.clear();
            blocked.clear();
            authorizations.clear();
            documents.clear();
            documentsByPatient.clear();
            documentByUniqueId.clear();
            documentByBinaryId.clear();
            documentsByIdentifierValue.clear();
            lists.clear();
            listsByPatient.clear();
            synchronized (history) {
                history.clear();
            }
            return null;
        });
    }

    /** @return the seeded patient, or an open DMP for an unseeded one (call under a lock) */
    public FakePatient patient(String ins) {
        FakePatient p = patients.get(ins);
        return p != null ? p : FakePatient.open(ins);
    }

    /** Seeds a patient. */
    public void putPatient(FakePatient p) {
        write(() -> patients.put(p.ins(), p));
    }

    /** Seeds a professional. */
    public void putProfessional(FakeProfessional p) {
        write(() -> professionals.put(p.idNatPs(), p));
    }

    /** @return the seeded professionals */
    public List<FakeProfessional> professionals() {
        return read(() -> List.copyOf(professionals.values()));
    }

    /** Blocks (or unblocks) a professional for a patient. */
    public void setBlocked(String ins, String ps, boolean isBlocked) {
        write(() -> isBlocked ? blocked.computeIfAbsent(ins, k -> new HashSet<>()).add(ps)
                : blocked.getOrDefault(ins, new HashSet<>()).remove(ps));
    }

    /** @return whether blocked (call under a lock) */
    public boolean isBlocked(String ins, String ps) {
        return blocked.getOrDefault(ins, Set.of()).contains(ps);
    }

    /** Seeds the authorization status of a professional for a patient. */
    public void setAuthorized(String ins, String ps, boolean authorized) {
        write(() -> authorizations.computeIfAbsent(ins, k -> new HashMap<>()).put(ps, authorized));
    }

    /** @return whether authorized (call under a lock) */
    public boolean isAuthorized(String ins, String ps) {
        Boolean seeded = authorizations.getOrDefault(ins, Map.of()).get(ps);
        return seeded != null ? seeded : defaultAuthorization == DefaultAuthorization.AUTHORIZED;
    }

    /** @return a document by entryUUID (call under a lock) */
    public Optional<StoredDocument> document(String id) {
        return Optional.ofNullable(documents.get(id));
    }

    /** @return the document of this patient with this uniqueId (call under a lock) */
    public Optional<StoredDocument> documentByUniqueId(String ins, String uniqueId) {
        return Optional.ofNullable(documentByUniqueId.get(ins + "\n" + uniqueId)).map(documents::get);
    }

    /** @return the document owning this Binary/Bundle id (call under a lock) */
    public Optional<StoredDocument> documentByBinary(String binaryId) {
        return Optional.ofNullable(documentByBinaryId.get(binaryId)).map(documents::get);
    }

    /** @return every document whose uniqueId or logicalId is this value, any patient (call under a lock) */
    public List<StoredDocument> documentsWithIdentifier(String value) {
        return documentsByIdentifierValue.getOrDefault(value, List.of()).stream().map(documents::get).toList();
    }

    /** @return the ids of a patient's documents in deposit order (call under a lock) */
    public List<String> documentIds(String ins) {
        return documentsByPatient.getOrDefault(ins, List.of());
    }

    /** Stores or replaces a document (call under the write lock). */
    public void putDocument(StoredDocument d) {
        if (documents.put(d.id(), d) == null) {
            documentsByPatient.computeIfAbsent(d.patientIns(), k -> new ArrayList<>()).add(d.id());
            documentByUniqueId.put(d.patientIns() + "\n" + d.uniqueId(), d.id());
            documentByBinaryId.put(d.binaryId(), d.id());
            documentsByIdentifierValue.computeIfAbsent(d.uniqueId(), k -> new ArrayList<>()).add(d.id());
            documentsByIdentifierValue.computeIfAbsent("urn:uuid:" + d.id(), k -> new ArrayList<>()).add(d.id());
        }
    }

    /** Stores a List (call under the write lock). */
    public void putList(StoredList l) {
        lists.put(l.id(), l);
        listsByPatient.computeIfAbsent(l.patientIns(), k -> new ArrayList<>()).add(l.id());
    }

    /** @return a patient's Lists (call under a lock) */
    public List<StoredList> lists(String ins) {
        return listsByPatient.getOrDefault(ins, List.of()).stream().map(lists::get).toList();
    }

    /** @return the total number of documents */
    public int documentCount() {
        return read(documents::size);
    }

    /** Records an access event. */
    public void record(AccessEvent e) {
        synchronized (history) {
            history.add(e);
        }
    }

    /** @return the access history, oldest first */
    public List<AccessEvent> history() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }
}
