package fr.opendmp.core.ins;

import java.util.Objects;
import java.util.Optional;

/**
 * A former INS of a person ({@code INSHISTO} of an INSi answer): NIA replaced by a NIR, sex or
 * INSEE correction. Patients must stay findable by it.
 *
 * @param ins the former INS
 * @param startDate when it started to apply, as INSi wrote it, if given
 * @param endDate when it stopped applying, as INSi wrote it, if given
 * @param matriculeType INSi's {@code TypeMatricule}, if given
 */
public record HistoricalIns(Ins ins, Optional<String> startDate, Optional<String> endDate,
        Optional<String> matriculeType) {

    /**
     * Checks that each part is present.
     * @param ins the former INS
     * @param startDate when it started to apply, as INSi wrote it, if given
     * @param endDate when it stopped applying, as INSi wrote it, if given
     * @param matriculeType INSi's {@code TypeMatricule}, if given
     */
    public HistoricalIns {
        Objects.requireNonNull(ins, "ins");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(endDate, "endDate");
        Objects.requireNonNull(matriculeType, "matriculeType");
    }

    /**
     * @param ins the former INS
     * @return a historical INS with no dates nor type
     */
    public static HistoricalIns of(Ins ins) {
        return new HistoricalIns(ins, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Masked. */
    @Override
    public String toString() {
        return "HistoricalIns[" + ins + "]";
    }
}
