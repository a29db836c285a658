package fr.opendmp.cda.build;

import fr.opendmp.core.code.Code;
import java.util.Objects;
import java.util.Optional;

/**
 * An allergy or intolerance for the narrative of a section.
 *
 * @param agent the agent (substance, drug…)
 * @param code a code of the agent, if known
 * @param reaction the observed reaction, if known
 */
public record Allergy(String agent, Optional<Code> code, Optional<String> reaction) {

    /**
     * Checks every part.
     * @param agent the agent (substance, drug…)
     * @param code a code of the agent, if known
     * @param reaction the observed reaction, if known
     */
    public Allergy {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reaction, "reaction");
        if (agent.isBlank()) {
            throw new IllegalArgumentException("an allergy needs an agent");
        }
    }

    /**
     * @param agent the agent (substance, drug…)
     * @param reaction the observed reaction, if known
     * @return an allergy known by its agent and reaction ({@code reaction} may be null)
     */
    public static Allergy of(String agent, String reaction) {
        return new Allergy(agent, Optional.empty(), Optional.ofNullable(reaction));
    }

    /** Health data masked: which parts are present, never their value. */
    @Override
    public String toString() {
        return "Allergy[agent ***" + (code.isPresent() ? ", code ***" : "") + (reaction.isPresent() ? ", reaction ***" : "")
                + "]";
    }
}
