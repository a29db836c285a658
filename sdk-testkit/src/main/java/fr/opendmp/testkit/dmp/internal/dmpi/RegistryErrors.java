package fr.opendmp.testkit.dmp.internal.dmpi;

import java.util.ArrayList;
import java.util.List;

/** XDS RegistryErrors: IHE {@code errorCode}, {@code codeContext} = "RULE_ID: text", {@code location}. */
final class RegistryErrors {
    /** One error or warning. */
    record Err(String errorCode, String ruleId, String text, String location, boolean warning) {
    }

    /** Thrown to answer a Failure at once. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient List<Err> errors;

        Failure(List<Err> errors) {
            super("XDS failure", null, false, false);
            this.errors = List.copyOf(errors);
        }

        static Failure of(String errorCode, String ruleId, String text, String location) {
            return new Failure(List.of(new Err(errorCode, ruleId, text, location, false)));
        }
    }

    final List<Err> list = new ArrayList<>();

    void error(String errorCode, String ruleId, String text, String location) {
        list.add(new Err(errorCode, ruleId, text, location, false));
    }

    void warning(String errorCode, String ruleId, String text, String location) {
        list.add(new Err(errorCode, ruleId, text, location, true));
    }

    boolean hasErrors() {
        return list.stream().anyMatch(e -> !e.warning());
    }

    void throwIfErrors() {
        if (hasErrors()) {
            throw new Failure(list);
        }
    }

    /** @return the {@code rs:RegistryErrorList} element, or "" when empty */
    static String xml(List<Err> errors) {
        if (errors.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<rs:RegistryErrorList highestSeverity=\"")
                .append(errors.stream().anyMatch(e -> !e.warning()) ? Ns.SEVERITY_ERROR : Ns.SEVERITY_WARNING)
                .append("\">");
        for (Err e : errors) {
            b.append("<rs:RegistryError errorCode=\"").append(Xml.esc(e.errorCode())).append("\" codeContext=\"")
                    .append(Xml.esc(e.ruleId() + ": " + e.text())).append("\" location=\"").append(Xml.esc(e.location()))
                    .append("\" severity=\"").append(e.warning() ? Ns.SEVERITY_WARNING : Ns.SEVERITY_ERROR).append("\"/>");
        }
        return b.append("</rs:RegistryErrorList>").toString();
    }

    /** @return an {@code rs:RegistryResponse} */
    static String registryResponse(List<Err> errors) {
        boolean failed = errors.stream().anyMatch(e -> !e.warning());
        return "<rs:RegistryResponse xmlns:rs=\"" + Ns.RS + "\" status=\"" + (failed ? Ns.FAILURE : Ns.SUCCESS) + "\">"
                + xml(errors) + "</rs:RegistryResponse>";
    }
}
