package fr.opendmp.cda.content;

import fr.opendmp.core.code.Code;
import java.util.Objects;
import java.util.Optional;

/**
 * An allergy or intolerance read from an allergy entry (FR-Allergie-ou-hypersensibilite).
 *
 * @param agent the coded agent (the participant's substance, else the observation's value), if coded
 * @param agentLabel the agent as text, if any
 * @param type the kind of intolerance (observation code, e.g. SNOMED CT {@code 416098002} drug allergy), if any
 * @param start since when, if known
 */
public record Intolerance(Optional<Code> agent, Optional<String> agentLabel, Optional<Code> type,
        Optional<ClinicalTime> start) {

    /**
     * Checks presence; an intolerance names its agent or its type.
     *
     * @param agent the agent
     * @param agentLabel the agent label
     * @param type the type
     * @param start the start
     */
    public Intolerance {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(agentLabel, "agentLabel");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(start, "start");
        if (agent.isEmpty() && agentLabel.isEmpty() && type.isEmpty()) {
            throw new IllegalArgumentException("an intolerance needs an agent or a type");
        }
    }

    /** Masked: which parts are present, never their value. */
    @Override
    public String toString() {
        return "Intolerance[" + (agent.isPresent() ? "agent ***" : "no agent code") + (type.isPresent() ? ", type ***" : "")
                + "]";
    }
}
