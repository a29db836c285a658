package fr.opendmp.testkit.dmp;

import java.util.Objects;
import java.util.Optional;

/**
 * What the fake takes from a CDA header to complete and check a deposit.
 *
 * @param typeSystemOid {@code ClinicalDocument/code/@codeSystem}
 * @param typeCode {@code ClinicalDocument/code/@code}
 * @param title {@code ClinicalDocument/title}
 * @param patientIns the INS matricule of {@code recordTarget/patientRole/id} (root an INS OID), if any:
 *        the fake refuses a deposit whose subject is another patient ({@code 422 PATIENT_MISMATCH})
 */
public record CdaHeader(Optional<String> typeSystemOid, Optional<String> typeCode, Optional<String> title,
        Optional<String> patientIns) {

    /**
     * Checks the fields are present.
     * @param typeSystemOid {@code ClinicalDocument/code/@codeSystem}
     * @param typeCode {@code ClinicalDocument/code/@code}
     * @param title {@code ClinicalDocument/title}
     * @param patientIns the INS matricule of {@code recordTarget/patientRole/id} (root an INS OID), if any:
     *     the fake refuses a deposit whose subject is another patient ({@code 422 PATIENT_MISMATCH})
     */
    public CdaHeader {
        Objects.requireNonNull(typeSystemOid, "typeSystemOid");
        Objects.requireNonNull(typeCode, "typeCode");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(patientIns, "patientIns");
    }

    /**
     * A header without patient (a reader that does not read it: the fake then reads the patient itself).
     *
     * @param typeSystemOid {@code ClinicalDocument/code/@codeSystem}
     * @param typeCode {@code ClinicalDocument/code/@code}
     * @param title {@code ClinicalDocument/title}
     */
    public CdaHeader(Optional<String> typeSystemOid, Optional<String> typeCode, Optional<String> title) {
        this(typeSystemOid, typeCode, title, Optional.empty());
    }

    /** @return a header with nothing known */
    public static CdaHeader empty() {
        return new CdaHeader(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Override
    public String toString() {
        return "CdaHeader[type=" + typeCode.orElse("?") + ", title " + (title.isPresent() ? "present" : "absent")
                + ", patient " + (patientIns.isPresent() ? "present" : "absent") + "]";
    }
}
