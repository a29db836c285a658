package fr.opendmp.core.code;

import java.util.Objects;
import java.util.Optional;

/**
 * A coded value: the code system (as a FHIR {@code system} URI, e.g. {@code http://loinc.org},
 * or {@code urn:oid:<oid>}), the code and its display text.
 *
 * <p>Two codes are equal when system and code are equal after normalising the system (an OID, its
 * {@code urn:oid:} form and the canonical MOS URL of the same code system name the same system);
 * the display is ignored.
 *
 * @param system the code system URI
 * @param code the code
 * @param display the display text ("" when unknown)
 */
public record Code(String system, String code, String display) {

    /**
     * Checks that system and code are present and not blank.
     * @param system the code system URI
     * @param code the code
     * @param display the display text ("" when unknown)
     */
    public Code {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(display, "display");
        if (system.isBlank() || code.isBlank()) {
            throw new IllegalArgumentException("a code needs a system and a code");
        }
    }

    /**
     * @param system the code system URI
     * @param code the code
     * @param display the display text ("" when unknown)
     * @return a code with its display
     */
    public static Code of(String system, String code, String display) {
        return new Code(system, code, display);
    }

    /**
     * @param system the code system URI
     * @param code the code
     * @return a code without display
     */
    public static Code of(String system, String code) {
        return new Code(system, code, "");
    }

    /** @return the dotted OID of the code system, when it is known */
    public Optional<String> systemOid() {
        return CodeSystems.oidOf(system);
    }

    /**
     * @param oid the dotted OID of the code system
     * @param code the code
     * @param display the display text ("" when unknown)
     * @return a code whose system is {@code urn:oid:<oid>}
     */
    public static Code ofOid(String oid, String code, String display) {
        return new Code("urn:oid:" + oid, code, display);
    }

    /**
     * The HL7v2 / VIHF form of a coded attribute, e.g. {@code SA07^1.2.250.1.71.4.2.4}.
     *
     * @return {@code code^OID}
     * @throws IllegalStateException when the OID of the code system is not known
     */
    public String caretOid() {
        return code + "^" + systemOid().orElseThrow(
                () -> new IllegalStateException("no OID known for code system " + system));
    }

    /**
     * @param value {@code code^OID}, e.g. {@code SA07^1.2.250.1.71.4.2.4}
     * @return the code it writes, without display
     * @throws IllegalArgumentException when it is not {@code code^OID}
     */
    public static Code parseCaretOid(String value) {
        int caret = value.indexOf('^');
        if (caret <= 0 || caret != value.lastIndexOf('^') || !value.substring(caret + 1).matches("[0-2](\\.\\d+)+")) {
            throw new IllegalArgumentException("expected code^OID, e.g. SA07^1.2.250.1.71.4.2.4");
        }
        return ofOid(value.substring(caret + 1), value.substring(0, caret), "");
    }

    /**
     * @param other the other one
     * @return whether this code has the same system (normalised) and code as the other
     */
    public boolean sameAs(Code other) {
        return code.equals(other.code) && CodeSystems.sameSystem(system, other.system);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Code other && sameAs(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(CodeSystems.normalise(system), code);
    }
}
