package fr.opendmp.core.access;

import fr.opendmp.core.code.Code;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Why and when a DMP was closed.
 *
 * @param date the closure date, if given
 * @param reason the closure reason code, if given
 * @param text the closure reason text, if given (free text about the patient: never printed by
 *     {@link #toString()})
 */
public record Closure(Optional<LocalDate> date, Optional<Code> reason, Optional<String> text) {

    /**
     * Checks every part.
     * @param date the closure date, if given
     * @param reason the closure reason code, if given
     * @param text the closure reason text, if given
     */
    public Closure {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(text, "text");
    }

    /** Prints the date and the reason code; the free text (it may say why: a death, a request) never. */
    @Override
    public String toString() {
        return "Closure[date=" + date.map(LocalDate::toString).orElse("-") + ", reason="
                + reason.map(Code::code).orElse("-") + ", text=" + (text.isPresent() ? "***" : "-") + "]";
    }
}
