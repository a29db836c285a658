package fr.opendmp.cda.validate;

import java.util.Objects;

/**
 * One finding of a validation. Messages never quote patient data.
 *
 * @param source which check found it
 * @param ruleId the rule id (built-in id such as {@code CDA-HDR-08}, {@code xsd}, or the schematron's
 *     pattern/assert id)
 * @param location where: an XPath for built-in and schematron findings, {@code line:column} for XSD
 * @param message what is wrong
 */
public record ValidationIssue(Source source, String ruleId, String location, String message) {

    /** Which check produced an issue. */
    public enum Source {
        /** The document could not be parsed. */
        PARSE,
        /** The SDK's built-in header/body rules. */
        BUILT_IN,
        /** The CDA extended XSD of the ANS package. */
        XSD,
        /** An ANS schematron. */
        SCHEMATRON
    }

    /**
     * Checks presence of every part.
     * @param source which check found it
     * @param ruleId the rule id (built-in id such as {@code CDA-HDR-08}, {@code xsd}, or the schematron's
     *     pattern/assert id)
     * @param location where: an XPath for built-in and schematron findings, {@code line:column} for XSD
     * @param message what is wrong
     */
    public ValidationIssue {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return source + " " + ruleId + " at " + location + ": " + message;
    }
}
