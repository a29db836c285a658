package fr.opendmp.core.ins;

import java.util.Objects;

/**
 * An INS as it travels in exchanges: the matricule and the OID of its assigning authority.
 *
 * <p>An INS comes only from an INSi answer; it must never be derived from a Carte Vitale number
 * or typed in by hand. Its traits travel beside it.
 *
 * <pre>{@code
 * Ins ins = Ins.nir("279119913400976");
 * ins.fhirIdentifier();  // urn:oid:1.2.250.1.213.1.4.8|279119913400976
 * }</pre>
 *
 * <p>{@link #toString()} masks the matricule.
 *
 * @param matricule the 15-character matricule
 * @param oid which kind of matricule it is (NIR, NIA, test, demonstration)
 */
public record Ins(InsMatricule matricule, InsOid oid) {

    /**
     * Checks that both parts are present; the matricule takes the kind the OID says.
     * @param matricule the 15-character matricule
     * @param oid which kind of matricule it is (NIR, NIA, test, demonstration)
     */
    public Ins {
        Objects.requireNonNull(matricule, "matricule");
        Objects.requireNonNull(oid, "oid");
        matricule = matricule.withKind(oid.kind());
    }

    /**
     * @param matricule15 the matricule15
     * @return an INS-NIR (production OID) from the 15-character value
     */
    public static Ins nir(String matricule15) {
        return new Ins(InsMatricule.parse(matricule15), InsOid.NIR);
    }

    /**
     * @param matricule15 the matricule15
     * @return an INS-NIA (production OID) from the 15-character value
     */
    public static Ins nia(String matricule15) {
        return new Ins(InsMatricule.parse(matricule15, MatriculeKind.NIA), InsOid.NIA);
    }

    /**
     * @param matricule the 15-character matricule
     * @param oid which kind of matricule it is (NIR, NIA, test, demonstration)
     * @return an INS from its parts
     */
    public static Ins of(InsMatricule matricule, InsOid oid) {
        return new Ins(matricule, oid);
    }

    /**
     * Parses a FHIR token {@code system|value} such as
     * {@code urn:oid:1.2.250.1.213.1.4.8|279119913400976}.
     *
     * @param token the token
     * @return the ins
     * @throws IllegalArgumentException if the system is not an INS OID or the value is invalid
     */
    public static Ins fromFhirToken(String token) {
        Objects.requireNonNull(token, "token");
        int bar = token.indexOf('|');
        if (bar < 0) {
            throw new IllegalArgumentException("an INS token is system|value");
        }
        return new Ins(InsMatricule.parse(token.substring(bar + 1)), InsOid.of(token.substring(0, bar)));
    }

    /** @return the 15-character matricule value */
    public String value() {
        return matricule.value();
    }

    /** @return {@code urn:oid:<oid>}, the FHIR identifier system */
    public String system() {
        return oid.system();
    }

    /** @return the URN form {@code urn:oid:<oid>|<matricule>}, as a FHIR search token */
    public String fhirIdentifier() {
        return system() + "|" + value();
    }

    /** @return {@code urn:oid:<oid>:<matricule>}: a single URN naming the patient */
    public String urn() {
        return "urn:oid:" + oid.oid() + ":" + value();
    }

    /** @return the HL7 CX form {@code matricule^^^&oid&ISO^NH} used in XDS and HL7 v2 */
    public String cx() {
        return value() + "^^^&" + oid.oid() + "&ISO^NH";
    }

    /** @return the matricule masked, for logs */
    public String masked() {
        return matricule.masked();
    }

    /** Masked: an INS never reaches a log line in clear. */
    @Override
    public String toString() {
        return "Ins[" + masked() + ", " + oid + "]";
    }
}
