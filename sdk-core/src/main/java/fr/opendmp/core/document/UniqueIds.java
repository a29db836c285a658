package fr.opendmp.core.document;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** Document uniqueIds: {@code urn:oid:<oid>} or {@code urn:uuid:<uuid>} (system {@code urn:ietf:rfc:3986}). */
public final class UniqueIds {

    /** The FHIR system of a uniqueId. */
    public static final String SYSTEM = "urn:ietf:rfc:3986";

    private static final Pattern OID = Pattern.compile("[0-2](\\.(0|[1-9][0-9]*))+");

    private UniqueIds() {
    }

    /**
     * Normalises a uniqueId: a bare OID becomes {@code urn:oid:<oid>}, a bare UUID
     * {@code urn:uuid:<uuid>}; URNs are checked.
     *
     * @throws IllegalArgumentException if it is neither an OID nor a UUID
     */
    public static String normalise(String uniqueId) {
        Objects.requireNonNull(uniqueId, "uniqueId");
        String v = uniqueId.trim();
        if (v.startsWith("urn:oid:") && OID.matcher(v.substring(8)).matches()) {
            return v;
        }
        if (v.startsWith("urn:uuid:") && isUuid(v.substring(9))) {
            return v.toLowerCase(java.util.Locale.ROOT);
        }
        if (OID.matcher(v).matches()) {
            return "urn:oid:" + v;
        }
        if (isUuid(v)) {
            return "urn:uuid:" + v.toLowerCase(java.util.Locale.ROOT);
        }
        throw new IllegalArgumentException("a uniqueId is urn:oid:<oid> or urn:uuid:<uuid>, got: " + v);
    }

    /** @return a new random {@code urn:uuid:} uniqueId */
    public static String random() {
        return "urn:uuid:" + UUID.randomUUID();
    }

    /** @return a new random {@code urn:oid:2.25.<uuid as integer>} uniqueId (ITU-T X.667 UUID-derived OID) */
    public static String randomOid() {
        UUID u = UUID.randomUUID();
        String hex = String.format("%016x%016x", u.getMostSignificantBits(), u.getLeastSignificantBits());
        return "urn:oid:2.25." + new java.math.BigInteger(hex, 16);
    }

    private static boolean isUuid(String s) {
        try {
            return UUID.fromString(s).toString().equalsIgnoreCase(s);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
