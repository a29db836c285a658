package fr.opendmp.cda;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A CDA instance identifier (HL7 v3 {@code II}): an OID {@code root} and an optional {@code extension}.
 *
 * @param root the OID (or UUID) root
 * @param extension the local part, if any
 */
public record InstanceId(String root, Optional<String> extension) {

    private static final Pattern OID = Pattern.compile("[0-2](\\.(0|[1-9][0-9]*))+");

    /**
     * Checks that the root is present and that the extension, when given, is not blank.
     * @param root the OID (or UUID) root
     * @param extension the local part, if any
     */
    public InstanceId {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(extension, "extension");
        if (root.isBlank()) {
            throw new IllegalArgumentException("an instance id needs a root");
        }
        if (extension.isPresent() && extension.get().isBlank()) {
            throw new IllegalArgumentException("an instance id extension may not be blank");
        }
    }

    /**
     * @param root the OID (or UUID) root
     * @return an id made of a root alone
     */
    public static InstanceId of(String root) {
        return new InstanceId(root, Optional.empty());
    }

    /**
     * @param root the OID (or UUID) root
     * @param extension the local part, if any
     * @return an id made of a root and an extension
     */
    public static InstanceId of(String root, String extension) {
        return new InstanceId(root, Optional.of(extension));
    }

    /**
     * @return a new globally unique id: the UUID-derived OID {@code 2.25.<uuid as integer>}
     *     (ISO/IEC 9834-8), usable wherever the CI-SIS asks for an OID root
     */
    public static InstanceId randomOid() {
        UUID u = UUID.randomUUID();
        java.math.BigInteger hi = new java.math.BigInteger(Long.toUnsignedString(u.getMostSignificantBits()));
        java.math.BigInteger lo = new java.math.BigInteger(Long.toUnsignedString(u.getLeastSignificantBits()));
        return of("2.25." + hi.shiftLeft(64).or(lo));
    }

    /** @return whether the root is a dotted OID */
    public boolean rootIsOid() {
        return OID.matcher(root).matches();
    }

    /** @return the XDS uniqueId form: {@code root}, or {@code root^extension} when an extension exists */
    public String uniqueId() {
        return extension.map(e -> root + "^" + e).orElse(root);
    }

    @Override
    public String toString() {
        return uniqueId();
    }
}
