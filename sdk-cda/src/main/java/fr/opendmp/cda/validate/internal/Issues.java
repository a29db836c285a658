package fr.opendmp.cda.validate.internal;

import fr.opendmp.cda.validate.ValidationIssue;
import java.util.ArrayList;
import java.util.List;

/** Collects errors and warnings while checks run. */
public final class Issues {

    private final List<ValidationIssue> errors = new ArrayList<>();
    private final List<ValidationIssue> warnings = new ArrayList<>();

    /** Adds an error. */
    public void error(ValidationIssue.Source source, String rule, String location, String message) {
        errors.add(new ValidationIssue(source, rule, location, message));
    }

    /** Adds a warning. */
    public void warning(ValidationIssue.Source source, String rule, String location, String message) {
        warnings.add(new ValidationIssue(source, rule, location, message));
    }

    /** @return the errors so far */
    public List<ValidationIssue> errors() {
        return errors;
    }

    /** @return the warnings so far */
    public List<ValidationIssue> warnings() {
        return warnings;
    }
}
