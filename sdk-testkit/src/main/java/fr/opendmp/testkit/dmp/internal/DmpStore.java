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
    private final Map<String, String> logicalIds = new HashMap<>();
    private final Map<String, Integer> versionNames = new HashMap<>();
    private final Map<String, Set<String>> oppositions = new HashMap<>();
    private final Map<String, Map<String, java.time.Instant>> authorizationStarts = new HashMap<>();
    private final Map<String, Map<String, java.time.Instant>> lastActions = new HashMap<>();

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
            logicalIds.clear();
            versionNames.clear();
            oppositions.clear();
            authorizationStarts.clear();
            lastActions.clear();
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

    /**
     * Stores or replaces a document (call under the write lock). A new metadata version (a new entryUUID
     * sharing the uniqueId and bytes of its predecessor) becomes the one its uniqueId and Binary resolve to.
     */
    public void putDocument(StoredDocument d) {
        if (documents.put(d.id(), d) == null) {
            documentsByPatient.computeIfAbsent(d.patientIns(), k -> new ArrayList<>()).add(d.id());
            documentByUniqueId.put(d.patientIns() + "\n" + d.uniqueId(), d.id());
            documentByBinaryId.put(d.binaryId(), d.id());
            documentsByIdentifierValue.computeIfAbsent(d.uniqueId(), k -> new ArrayList<>()).add(d.id());
            documentsByIdentifierValue.computeIfAbsent("urn:uuid:" + d.id(), k -> new ArrayList<>()).add(d.id());
        }
    }

    /**
     * Records that {@code entryUuid} is version {@code versionName} of the logical document {@code lid}
     * (call under the write lock); a document never recorded is version 1 of its own entryUUID.
     */
    public void putVersion(String entryUuid, String lid, int versionName) {
        logicalIds.put(entryUuid, lid);
        versionNames.put(entryUuid, versionName);
        if (!lid.equals(entryUuid)) {
            documentsByIdentifierValue.computeIfAbsent("urn:uuid:" + lid, k -> new ArrayList<>()).add(entryUuid);
        }
    }

    /** @return the logical id (lid) of a document (call under a lock) */
    public String logicalId(String entryUuid) {
        return logicalIds.getOrDefault(entryUuid, entryUuid);
    }

    /** @return the metadata version (XDS versionName) of a document (call under a lock) */
    public int versionName(String entryUuid) {
        return versionNames.getOrDefault(entryUuid, 1);
    }

    /** @return every version of a logical document, any order (call under a lock) */
    public List<StoredDocument> versions(String lid) {
        List<StoredDocument> out = new ArrayList<>();
        document(lid).ifPresent(out::add);
        for (StoredDocument d : documentsWithIdentifier("urn:uuid:" + lid)) {
            if (!d.id().equals(lid) && logicalId(d.id()).equals(lid)) {
                out.add(d);
            }
        }
        return out;
    }

    /** Sets or lifts a patient's opposition ({@code OPPOSITION_BRIS_DE_GLACE}, {@code OPPOSITION_ACCES_URGENCE}). */
    public void setOpposition(String ins, String opposition, boolean on) {
        write(() -> on ? oppositions.computeIfAbsent(ins, k -> new HashSet<>()).add(opposition)
                : oppositions.getOrDefault(ins, new HashSet<>()).remove(opposition));
    }

    /** @return whether the patient opposes this (call under a lock) */
    public boolean opposes(String ins, String opposition) {
        return oppositions.getOrDefault(ins, Set.of()).contains(opposition);
    }

    /** Records a TD0.3 change of an authorization (call under the write lock). */
    public void authorizationChanged(String ins, String ps, boolean authorized, java.time.Instant at) {
        authorizations.computeIfAbsent(ins, k -> new HashMap<>()).put(ps, authorized);
        if (authorized) {
            authorizationStarts.computeIfAbsent(ins, k -> new HashMap<>()).put(ps, at);
        }
        lastActions.computeIfAbsent(ins, k -> new HashMap<>()).put(ps, at);
    }

    /** @return when the authorization started, if recorded by TD0.3 (call under a lock) */
    public Optional<java.time.Instant> authorizationStart(String ins, String ps) {
        return Optional.ofNullable(authorizationStarts.getOrDefault(ins, Map.of()).get(ps));
    }

    /** @return the last TD0.3 action, if any (call under a lock) */
    public Optional<java.time.Instant> lastAction(String ins, String ps) {
        return Optional.ofNullable(lastActions.getOrDefault(ins, Map.of()).get(ps));
    }

    /** @return the professionals seeded or recorded as authorized for a patient (call under a lock) */
    public Set<String> authorizedProfessionals(String ins) {
        Set<String> out = new HashSet<>();
        authorizations.getOrDefault(ins, Map.of()).forEach((ps, ok) -> {
            if (ok) {
                out.add(ps);
            }
        });
        return out;
    }

    /** @return the professionals a patient blocked (call under a lock) */
    public Set<String> blockedProfessionals(String ins) {
        return Set.copyOf(blocked.getOrDefault(ins, Set.of()));
    }

    /** @return the patients with an explicit authorization of this professional (call under a lock) */
    public List<String> patientsAuthorizing(String ps) {
        List<String> out = new ArrayList<>();
        authorizations.forEach((ins, m) -> {
            if (Boolean.TRUE.equals(m.get(ps))) {
                out.add(ins);
            }
        });
        return out;
    }

    /** @return the seeded professional with this id, if any (call under a lock) */
    public Optional<FakeProfessional> professional(String idNatPs) {
        return Optional.ofNullable(professionals.get(idNatPs));
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
