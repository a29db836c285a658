package fr.opendmp.core.document;

import java.util.Objects;
import java.util.UUID;

/** Document uniqueIds: {@code urn:oid:<oid>} or {@code urn:uuid:<uuid>} (system {@code urn:ietf:rfc:3986}). */
public final class UniqueIds {

    /** The FHIR system of a uniqueId. */
    public static final String SYSTEM = "urn:ietf:rfc:3986";

    private UniqueIds() {
    }

    /**
     * Normalises a uniqueId: a bare OID becomes {@code urn:oid:<oid>}, a bare UUID
     * {@code urn:uuid:<uuid>}; URNs are checked.
     *
     * @param uniqueId the unique id
     * @return the normalised uniqueId (a URN)
     * @throws IllegalArgumentException if it is neither an OID nor a UUID
     */
    public static String normalise(String uniqueId) {
        Objects.requireNonNull(uniqueId, "uniqueId");
        String v = uniqueId.trim();
        if (v.startsWith("urn:oid:") && isOid(v, 8)) {
            return v;
        }
        if (v.startsWith("urn:uuid:") && isUuid(v.substring(9))) {
            return v.toLowerCase(java.util.Locale.ROOT);
        }
        if (isOid(v, 0)) {
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

    /**
     * {@code [0-2](\.(0|[1-9][0-9]*))+} from {@code from} to the end, without a regex (this runs for
     * every entry of every search answer).
     */
    static boolean isOid(String v, int from) {
        int n = v.length();
        if (n - from < 3 || v.charAt(from) < '0' || v.charAt(from) > '2' || v.charAt(from + 1) != '.') {
            return false;
        }
        int i = from + 2;
        while (true) {
            int start = i;
            while (i < n && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
                i++;
            }
            if (i == start || (v.charAt(start) == '0' && i - start > 1)) {
                return false;
            }
            if (i == n) {
                return true;
            }
            if (v.charAt(i) != '.') {
                return false;
            }
            i++;
        }
    }

    private static boolean isUuid(String s) {
        try {
            return UUID.fromString(s).toString().equalsIgnoreCase(s);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
