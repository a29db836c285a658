package fr.opendmp.auth.vihf;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * A signed VIHF: the exact bytes to send (never re-serialise them: it would break the signature).
 * {@link #toString()} does not show the content (it names a patient).
 */
public final class SignedVihf {

    private final byte[] xml;
    private final String id;
    private final Instant notOnOrAfter;

    /**
     * @param xml the signed assertion, UTF-8
     * @param id the assertion ID
     * @param notOnOrAfter the end of validity
     */
    public SignedVihf(byte[] xml, String id, Instant notOnOrAfter) {
        this.xml = Objects.requireNonNull(xml, "xml").clone();
        this.id = Objects.requireNonNull(id, "id");
        this.notOnOrAfter = Objects.requireNonNull(notOnOrAfter, "notOnOrAfter");
    }

    /**
     * @return a copy of the signed XML bytes
     */
    public byte[] xml() {
        return xml.clone();
    }

    /**
     * @return the signed XML as a string
     */
    public String xmlString() {
        return new String(xml, StandardCharsets.UTF_8);
    }

    /**
     * @return the XML in standard base64
     */
    public String base64() {
        return Base64.getEncoder().encodeToString(xml);
    }

    /**
     * @return the XML in URL-safe base64 without padding
     */
    public String base64Url() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(xml);
    }

    /**
     * @return the assertion ID
     */
    public String id() {
        return id;
    }

    /**
     * @return the end of validity
     */
    public Instant notOnOrAfter() {
        return notOnOrAfter;
    }

    @Override
    public String toString() {
        return "SignedVihf[" + id + ", until " + notOnOrAfter + "]";
    }
}
