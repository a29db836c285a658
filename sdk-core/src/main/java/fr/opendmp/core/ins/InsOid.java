package fr.opendmp.core.ins;

import fr.opendmp.core.code.CodeSystems;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The assigning authority of a matricule INS: it alone says whether the matricule is a NIR or a
 * NIA, and whether the patient is real, a test patient or a demonstration patient.
 *
 * <p>A closed set: an unknown OID is an error. Several third-party codes quote wrong INS OIDs
 * (such as {@code 1.2.250.1.213.1.4.2}); they are refused here.
 */
public enum InsOid {
    /** INS-NIR, production: real persons with a NIR. */
    NIR(CodeSystems.INS_NIR_OID, MatriculeKind.NIR, Environment.PRODUCTION),
    /** INS-NIA, production: real persons with a NIA (waiting number). */
    NIA(CodeSystems.INS_NIA_OID, MatriculeKind.NIA, Environment.PRODUCTION),
    /** INS-NIR for fictitious test patients (INSi test and qualification identities). */
    NIR_TEST(CodeSystems.INS_NIR_TEST_OID, MatriculeKind.NIR, Environment.TEST),
    /** INS-NIR for fictitious demonstration patients. */
    NIR_DEMO(CodeSystems.INS_NIR_DEMO_OID, MatriculeKind.NIR, Environment.DEMONSTRATION);

    /** Which population the OID designates. */
    public enum Environment {
        /** Real persons. */
        PRODUCTION,
        /** Fictitious test persons. */
        TEST,
        /** Fictitious demonstration persons. */
        DEMONSTRATION
    }

    private final String oid;
    private final MatriculeKind kind;
    private final Environment environment;

    InsOid(String oid, MatriculeKind kind, Environment environment) {
        this.oid = oid;
        this.kind = kind;
        this.environment = environment;
    }

    /** @return the dotted OID, e.g. {@code 1.2.250.1.213.1.4.8} */
    public String oid() {
        return oid;
    }

    /** @return {@code urn:oid:} + the OID, the FHIR identifier system */
    public String system() {
        return "urn:oid:" + oid;
    }

    /** @return NIR or NIA */
    public MatriculeKind kind() {
        return kind;
    }

    /** @return the population this OID designates */
    public Environment environment() {
        return environment;
    }

    /** @return whether this OID designates real persons */
    public boolean isProduction() {
        return environment == Environment.PRODUCTION;
    }

    /**
     * Finds the OID from its dotted form or its {@code urn:oid:} system.
     *
     * @param oidOrSystem the oid or system
     * @return the OID, or empty if it is not an INS OID
     */
    public static Optional<InsOid> find(String oidOrSystem) {
        Objects.requireNonNull(oidOrSystem, "oidOrSystem");
        String bare = oidOrSystem.startsWith("urn:oid:") ? oidOrSystem.substring(8) : oidOrSystem;
        return Arrays.stream(values()).filter(o -> o.oid.equals(bare)).findFirst();
    }

    /**
     * Like {@link #find(String)}, but an unknown OID is an error.
     *
     * @param oidOrSystem the oid or system
     * @return the ins oid
     * @throws IllegalArgumentException if the OID is not an INS OID
     */
    public static InsOid of(String oidOrSystem) {
        return find(oidOrSystem).orElseThrow(() -> new IllegalArgumentException(
                "not an INS OID: " + oidOrSystem + " (expected one of 1.2.250.1.213.1.4.8, .9, .10, .11)"));
    }
}
