package fr.opendmp.core.ins;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An INSi answer with exactly one identity (CR 00): the active INS, the former ones, and the INS
 * traits ({@code TIQ}) stored verbatim.
 *
 * <p>Immutable and read-only: only a new INSi answer can replace it. {@link #traits()} gives the
 * same traits as {@link IdentityTraits} for comparison. {@link #toString()} masks everything.
 *
 * @param ins the active INS ({@code INSACTIF})
 * @param history the former INS ({@code INSHISTO}), possibly empty
 * @param birthName {@code NomNaissance}, verbatim
 * @param birthFirstNames {@code ListePrenom}, verbatim (space-separated)
 * @param sex {@code Sexe}, verbatim
 * @param birthDate {@code DateNaissance}, verbatim
 * @param birthPlaceCode {@code LieuNaissance}, verbatim, if returned
 */
public record InsIdentity(Ins ins, List<HistoricalIns> history, String birthName, String birthFirstNames,
        String sex, String birthDate, Optional<String> birthPlaceCode) {

    /**
     * Checks that each part is present and that the traits are readable as {@link IdentityTraits}.
     *
     * @param ins the active INS ({@code INSACTIF})
     * @param history the former INS ({@code INSHISTO}), possibly empty
     * @param birthName {@code NomNaissance}, verbatim
     * @param birthFirstNames {@code ListePrenom}, verbatim (space-separated)
     * @param sex {@code Sexe}, verbatim
     * @param birthDate {@code DateNaissance}, verbatim
     * @param birthPlaceCode {@code LieuNaissance}, verbatim, if returned
     * @throws InvalidTraitException if INSi returned a trait the SDK cannot read
     */
    public InsIdentity {
        Objects.requireNonNull(ins, "ins");
        history = List.copyOf(history);
        Objects.requireNonNull(birthName, "birthName");
        Objects.requireNonNull(birthFirstNames, "birthFirstNames");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(birthPlaceCode, "birthPlaceCode");
        toTraits(birthName, birthFirstNames, sex, birthDate, birthPlaceCode);
    }

    /** @return the INS traits as normalised {@link IdentityTraits} (no used names) */
    public IdentityTraits traits() {
        return toTraits(birthName, birthFirstNames, sex, birthDate, birthPlaceCode);
    }

    /**
     * @param other the other one
     * @return whether the INS is the active one or one of the former ones
     */
    public boolean knows(Ins other) {
        Objects.requireNonNull(other, "other");
        return sameMatricule(ins, other) || history.stream().anyMatch(h -> sameMatricule(h.ins(), other));
    }

    private static boolean sameMatricule(Ins a, Ins b) {
        return a.value().equals(b.value()) && a.oid() == b.oid();
    }

    private static IdentityTraits toTraits(String name, String firstNames, String sex, String date,
            Optional<String> place) {
        IdentityTraits.Builder b = IdentityTraits.builder().birthName(name).birthFirstNames(firstNames)
                .sex(sex).birthDate(date);
        place.ifPresent(b::birthPlaceCode);
        return b.build();
    }

    /** Masked. */
    @Override
    public String toString() {
        return "InsIdentity[" + ins + ", history=" + history.size() + ", traits=***]";
    }
}
