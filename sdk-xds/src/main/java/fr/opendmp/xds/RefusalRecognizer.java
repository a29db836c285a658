package fr.opendmp.xds;

import fr.opendmp.core.error.AccessRefusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises the DMP's access refusals among its error codes (open point: the DMP's codes for
 * refusals are not public). A table of rules, each a layer, a pattern matched against the code
 * (fault subcode local name, HL7 detail code, {@code RegistryError} error code or the rule id that
 * prefixes its {@code codeContext}, web-service context) or against the error text, and the refusal
 * it means. The first matching rule wins; a refusal no rule recognises is
 * {@link AccessRefusal#OTHER} where the layer says it is a refusal. Immutable.
 *
 * <p>{@link #defaults()} knows {@code DMPInvalidCertificate}, the WS-Security and VIHF faults, the
 * DMP's texts "Structure introuvable ou Inactive", "PS et Structure non liés", "Aucune spécialité",
 * {@code DMPClosed}, and the rule ids of OpenDMP's fake DMP ({@code BLOCKED},
 * {@code NO_AUTHORIZATION}, {@code NOT_AUTHOR}, {@code DMP_CLOSED}, {@code MODE_FORBIDDEN},
 * {@code VIHF_*}).
 */
public final class RefusalRecognizer {

    /** Where an error was read. */
    public enum Layer {
        /** A SOAP fault (subcode local name, reason text). */
        SOAP_FAULT,
        /** An HL7v3 acknowledgement detail (code, text). */
        HL7,
        /** A DMP web service status ({@code context}). */
        WEB_SERVICE,
        /** An XDS {@code RegistryError} (error code, rule id in {@code codeContext}, text). */
        XDS,
        /** Any layer. */
        ANY
    }

    /**
     * One rule.
     *
     * @param layer where it applies
     * @param pattern matched (whole) against a code, or found anywhere in the text
     * @param refusal what a match means
     */
    public record Rule(Layer layer, Pattern pattern, AccessRefusal refusal) {
        /**
         * Checks every part.
         *
         * @param layer the layer
         * @param pattern the pattern
         * @param refusal the refusal
         */
        public Rule {
            Objects.requireNonNull(layer, "layer");
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(refusal, "refusal");
        }
    }

    private static final RefusalRecognizer DEFAULTS = new RefusalRecognizer(List.of(
            rule(Layer.ANY, "DMPInvalidCertificate", AccessRefusal.NOT_AUTHENTICATED),
            rule(Layer.SOAP_FAULT, "InvalidSecurity|InvalidSecurityToken|FailedAuthentication|FailedCheck"
                    + "|SecurityTokenUnavailable", AccessRefusal.NOT_AUTHENTICATED),
            rule(Layer.ANY, "VIHF_.*", AccessRefusal.NOT_AUTHENTICATED),
            rule(Layer.ANY, "Structure introuvable.*", AccessRefusal.NOT_AUTHENTICATED),
            rule(Layer.ANY, "PS et Structure non li.*", AccessRefusal.NOT_AUTHENTICATED),
            rule(Layer.ANY, "Aucune sp.cialit.*", AccessRefusal.NOT_AUTHENTICATED),
            rule(Layer.ANY, "DMPClosed|DMP_CLOSED", AccessRefusal.DMP_CLOSED),
            rule(Layer.ANY, "BLOCKED", AccessRefusal.BLOCKED),
            rule(Layer.ANY, "NO_AUTHORIZATION", AccessRefusal.NO_AUTHORIZATION),
            rule(Layer.ANY, "NOT_AUTHOR", AccessRefusal.NOT_AUTHOR),
            rule(Layer.ANY, "MODE_FORBIDDEN", AccessRefusal.MODE_FORBIDDEN)));

    private final List<Rule> rules;

    private RefusalRecognizer(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    private static Rule rule(Layer layer, String regex, AccessRefusal refusal) {
        return new Rule(layer, Pattern.compile(regex), refusal);
    }

    /** @return the preloaded table */
    public static RefusalRecognizer defaults() {
        return DEFAULTS;
    }

    /** @return an empty table (no code is recognised as a refusal) */
    public static RefusalRecognizer none() {
        return new RefusalRecognizer(List.of());
    }

    /**
     * @param layer where the rule applies
     * @param regex a regular expression matched against codes (whole) and texts (found)
     * @param refusal what a match means
     * @return a recognizer with this rule tried before the others
     */
    public RefusalRecognizer with(Layer layer, String regex, AccessRefusal refusal) {
        List<Rule> all = new ArrayList<>();
        all.add(rule(Objects.requireNonNull(layer, "layer"), Objects.requireNonNull(regex, "regex"),
                Objects.requireNonNull(refusal, "refusal")));
        all.addAll(rules);
        return new RefusalRecognizer(all);
    }

    /** @return the rules, in the order tried */
    public List<Rule> rules() {
        return rules;
    }

    /**
     * @param layer where the error was read
     * @param codes the error's codes (subcode, detail code, error code, rule id)
     * @param text the error's text, or ""
     * @return the refusal the first matching rule names
     */
    public Optional<AccessRefusal> recognize(Layer layer, List<String> codes, String text) {
        for (Rule r : rules) {
            if (r.layer() != Layer.ANY && r.layer() != layer) {
                continue;
            }
            for (String c : codes) {
                if (c != null && r.pattern().matcher(c).matches()) {
                    return Optional.of(r.refusal());
                }
            }
            if (text != null && !text.isEmpty() && r.pattern().matcher(text).find()) {
                return Optional.of(r.refusal());
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "RefusalRecognizer[" + rules.size() + " rules]";
    }
}
