package fr.opendmp.cda.validate;

import java.util.List;

/**
 * The result of {@link CdaValidator#validate(byte[])}.
 *
 * @param errors the errors (empty when the document is valid)
 * @param warnings findings that do not make the document invalid
 * @param checksRun the checks that ran (e.g. {@code built-in}, {@code xsd}, schematron file names)
 * @param checksSkipped the checks that could not run and why (e.g. Saxon-HE absent)
 */
public record ValidationReport(List<ValidationIssue> errors, List<ValidationIssue> warnings, List<String> checksRun,
        List<String> checksSkipped) {

    /**
     * Copies the lists.
     * @param errors the errors (empty when the document is valid)
     * @param warnings findings that do not make the document invalid
     * @param checksRun the checks that ran (e.g. {@code built-in}, {@code xsd}, schematron file names)
     * @param checksSkipped the checks that could not run and why (e.g. Saxon-HE absent)
     */
    public ValidationReport {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        checksRun = List.copyOf(checksRun);
        checksSkipped = List.copyOf(checksSkipped);
    }

    /** @return whether there is no error */
    public boolean isValid() {
        return errors.isEmpty();
    }
}
