package fr.opendmp.testkit.dmp.internal;

import fr.opendmp.core.access.AccessMode;
import fr.opendmp.testkit.dmp.CallerKind;
import fr.opendmp.testkit.dmp.DmpStatus;
import fr.opendmp.testkit.dmp.FakePatient;

/** The access rules of the PDSM4DMP implementation guide (call under a store lock). */
public final class AccessRules {
    /** The patient's opposition to bris de glace access (TD1.3a). */
    public static final String OPPOSITION_BRIS_DE_GLACE = "OPPOSITION_BRIS_DE_GLACE";
    /** The patient's opposition to emergency (centre 15) access (TD1.3a). */
    public static final String OPPOSITION_ACCES_URGENCE = "OPPOSITION_ACCES_URGENCE";
    private final DmpStore store;
    private final boolean feedingProfile;
    private final boolean brisDeGlaceOverridesBlock;

    /**
     * @param store the state
     * @param feedingProfile whether the calling LPS is deemed to have the "Alimentation" profile
     *        (then TD3.1b and TD3.3 need no authorization)
     * @param brisDeGlaceOverridesBlock whether bris de glace reaches the record of a patient who
     *        blocked the professional (traced like any bris de glace)
     */
    public AccessRules(DmpStore store, boolean feedingProfile, boolean brisDeGlaceOverridesBlock) {
        this.store = store;
        this.feedingProfile = feedingProfile;
        this.brisDeGlaceOverridesBlock = brisDeGlaceOverridesBlock;
    }

    /** Refuses a credential issued for another patient (403). */
    public void checkCredentialPatient(Caller caller, String ins) {
        if (caller.patientIns().isPresent() && !caller.patientIns().get().equals(ins)) {
            throw FhirException.of(403, "forbidden", "PATIENT_MISMATCH",
                    "the credential was issued for another patient than the request's", "");
        }
        if (caller.mode() == AccessMode.BRIS_DE_GLACE && caller.reason().map(String::isBlank).orElse(true)) {
            throw FhirException.of(403, "forbidden", "BRIS_DE_GLACE_REASON_MISSING",
                    "bris de glace access requires a reason (claim bris_de_glace_reason)", "");
        }
    }

    /** Refuses a missing (404) or closed (422) DMP. */
    public FakePatient requireOpenDmp(String ins) {
        FakePatient p = store.patient(ins);
        if (p.status() == DmpStatus.NONE) {
            throw FhirException.of(404, "not-found", "DMP_NOT_FOUND", "this patient has no DMP (DMP inexistant)", "");
        }
        if (p.status() == DmpStatus.CLOSED) {
            throw FhirException.of(422, "business-rule", "DMP_CLOSED", "this patient's DMP is closed", "");
        }
        return p;
    }

    /**
     * Consultation rules (TD3.1a, TD3.2): authentication mode, blocked professional,
     * authorization unless bris de glace or centre 15.
     */
    public void checkConsultation(Caller caller, String ins) {
        if (caller.kind() != CallerKind.PROFESSIONAL) {
            return;
        }
        if ("INDIRECTE".equals(caller.professional().authenticationMode())) {
            throw FhirException.of(403, "forbidden", "AUTHENTICATION_MODE",
                    "indirect authentication without AIR only allows TD3.1b (search by identifier)", "");
        }
        checkAuthorization(caller, ins);
    }

    /**
     * Blocked → 403 (unless bris de glace and the fake lets it override a block); not authorized →
     * 403 unless bris de glace / centre 15.
     */
    public void checkAuthorization(Caller caller, String ins) {
        if (caller.kind() != CallerKind.PROFESSIONAL) {
            return;
        }
        if (caller.mode() == AccessMode.BRIS_DE_GLACE && store.opposes(ins, OPPOSITION_BRIS_DE_GLACE)) {
            throw FhirException.of(403, "forbidden", "MODE_FORBIDDEN",
                    "the patient opposed bris de glace access (OPPOSITION_BRIS_DE_GLACE)", "");
        }
        if (caller.mode() == AccessMode.CENTRE_REGULATION && store.opposes(ins, OPPOSITION_ACCES_URGENCE)) {
            throw FhirException.of(403, "forbidden", "MODE_FORBIDDEN",
                    "the patient opposed emergency access (OPPOSITION_ACCES_URGENCE)", "");
        }
        boolean emergency = caller.mode() == AccessMode.BRIS_DE_GLACE && brisDeGlaceOverridesBlock;
        if (!emergency && store.isBlocked(ins, caller.id())) {
            throw FhirException.of(403, "forbidden", "BLOCKED", "the patient has blocked this professional", "");
        }
        if (caller.mode() == AccessMode.NORMAL && !store.isAuthorized(ins, caller.id())) {
            throw FhirException.of(403, "forbidden", "NO_AUTHORIZATION",
                    "the professional has no access authorization for this DMP", "");
        }
    }

    /** Rules for TD3.1b / TD3.3: authorization unless the LPS has the feeding profile. */
    public void checkFeedingOrAuthorization(Caller caller, String ins) {
        if (!feedingProfile) {
            checkAuthorization(caller, ins);
        } else if (caller.kind() == CallerKind.PROFESSIONAL && store.isBlocked(ins, caller.id())) {
            throw FhirException.of(403, "forbidden", "BLOCKED", "the patient has blocked this professional", "");
        }
    }

    /** @return whether the caller may see this document (deleted, masked, invisible rules) */
    public boolean visible(Caller caller, StoredDocument doc) {
        if (doc.deleted()) {
            return false;
        }
        SearchFields f = doc.fields();
        return switch (caller.kind()) {
            case PROFESSIONAL -> !f.hasToken("security-label", ValueSets.VISIBILITY + "|MASQUE_PS")
                    || isAuthor(caller, doc) || isMedecinTraitant(caller, doc.patientIns());
            case PATIENT -> !f.hasToken("security-label", ValueSets.VISIBILITY + "|INVISIBLE_PATIENT");
            case LEGAL_REPRESENTATIVE -> !f.hasToken("security-label", ValueSets.VISIBILITY + "|INVISIBLE_PATIENT")
                    && !f.hasToken("security-label", ValueSets.VISIBILITY + "|INVISIBLE_REPRESENTANTS_LEGAUX");
        };
    }

    /**
     * The record-level checks of a request about one patient's documents, before any document is
     * looked at: credential patient, open DMP, then consultation rules ({@code consultation} true:
     * TD3.1a/TD3.2) or feeding-or-authorization rules (TD3.1b/TD3.3).
     */
    public void checkRecord(Caller caller, String ins, boolean consultation) {
        checkCredentialPatient(caller, ins);
        requireOpenDmp(ins);
        if (consultation) {
            checkConsultation(caller, ins);
        } else {
            checkFeedingOrAuthorization(caller, ins);
        }
    }

    /** @return a 404 that says nothing about why the document cannot be seen */
    public static FhirException documentNotFound() {
        return FhirException.of(404, "not-found", "DOCUMENT_NOT_FOUND", "no such DocumentReference", "");
    }

    /**
     * Who may change what (TD3.3): a change of status (replace, delete) and a change of the
     * {@code INVISIBLE_PATIENT} / {@code INVISIBLE_REPRESENTANTS_LEGAUX} codes only by an author of the
     * document; a change of {@code MASQUE_PS} by an author or by the patient himself; otherwise
     * {@code 403 NOT_AUTHOR}. Archiving and the confidentiality level are open to every caller who
     * may patch the document.
     */
    public void checkChange(Caller caller, StoredDocument before, SearchFields after, String statusAfter) {
        boolean author = isAuthor(caller, before);
        if (author) {
            return;
        }
        if (!before.status().equals(statusAfter)) {
            throw notAuthor("only an author may change the status of a document", "DocumentReference.status");
        }
        for (String code : new String[] {"INVISIBLE_PATIENT", "INVISIBLE_REPRESENTANTS_LEGAUX", "MASQUE_PS"}) {
            String token = ValueSets.VISIBILITY + "|" + code;
            if (before.fields().hasToken("security-label", token) == after.hasToken("security-label", token)) {
                continue;
            }
            boolean patientMasking = "MASQUE_PS".equals(code) && caller.kind() == CallerKind.PATIENT;
            if (!patientMasking) {
                throw notAuthor("only an author" + ("MASQUE_PS".equals(code) ? " or the patient" : "")
                        + " may change the visibility " + code, "DocumentReference.securityLabel");
            }
        }
    }

    private static FhirException notAuthor(String why, String expression) {
        return FhirException.of(403, "forbidden", "NOT_AUTHOR", why, expression);
    }

    /** @return whether the caller is the patient's médecin traitant DMP (call under a lock) */
    public boolean isMedecinTraitant(Caller caller, String ins) {
        return store.patient(ins).medecinTraitant().map(caller.id()::equals).orElse(false);
    }

    /** @return whether the caller is one of the document's authors */
    public static boolean isAuthor(Caller caller, StoredDocument doc) {
        return doc.fields().hasToken("author.identifier", caller.id());
    }
}
