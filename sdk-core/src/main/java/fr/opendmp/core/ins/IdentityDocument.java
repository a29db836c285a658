package fr.opendmp.core.ins;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The high-trust identity document an operator checked the traits against (fact C of the RNIV),
 * with who checked it and when.
 *
 * <p>A birth certificate or family booklet counts only for a minor and together with a parent's
 * identity document (RNIV 2024).
 *
 * @param type the kind of document
 * @param checkedBy who checked it (an operator identifier, not a patient datum)
 * @param checkedAt when it was checked
 * @param parentDocument for {@link Type#BIRTH_CERTIFICATE} and {@link Type#FAMILY_BOOKLET}: the
 *     parent's identity document type that was checked with it
 */
public record IdentityDocument(Type type, String checkedBy, Instant checkedAt, Optional<Type> parentDocument) {

    /** The document types accepted by the RNIV as high-trust. */
    public enum Type {
        /** Carte nationale d'identité (French or EU). */
        NATIONAL_ID_CARD(true),
        /** Passport. */
        PASSPORT(true),
        /** Titre de séjour (residence permit). */
        RESIDENCE_PERMIT(true),
        /** Extrait d'acte de naissance, for a minor, with a parent's ID. */
        BIRTH_CERTIFICATE(false),
        /** Livret de famille, for a minor, with a parent's ID. */
        FAMILY_BOOKLET(false);

        private final boolean standalone;

        Type(boolean standalone) {
            this.standalone = standalone;
        }

        /** @return whether the document suffices on its own (CNI, passport, residence permit) */
        public boolean standalone() {
            return standalone;
        }
    }

    /**
     * Checks that each part is present and that a minor's document comes with a parent's ID.
     * @param type the kind of document
     * @param checkedBy who checked it (an operator identifier, not a patient datum)
     * @param checkedAt when it was checked
     * @param parentDocument for {@link Type#BIRTH_CERTIFICATE} and {@link Type#FAMILY_BOOKLET}: the
     *     parent's identity document type that was checked with it
     */
    public IdentityDocument {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(checkedBy, "checkedBy");
        Objects.requireNonNull(checkedAt, "checkedAt");
        Objects.requireNonNull(parentDocument, "parentDocument");
        if (checkedBy.isBlank()) {
            throw new IllegalArgumentException("checkedBy: say who checked the document (operator id)");
        }
        if (!type.standalone() && parentDocument.map(p -> !p.standalone()).orElse(true)) {
            throw new IllegalArgumentException(type + " counts only for a minor together with a parent's"
                    + " identity document (national ID card, passport or residence permit)");
        }
        if (type.standalone() && parentDocument.isPresent()) {
            throw new IllegalArgumentException(type + " suffices on its own: no parent document");
        }
    }

    /**
     * @param type CNI, passport or residence permit
     * @param checkedBy who checked it
     * @param checkedAt when
     * @return the record of a standalone document check
     */
    public static IdentityDocument of(Type type, String checkedBy, Instant checkedAt) {
        return new IdentityDocument(type, checkedBy, checkedAt, Optional.empty());
    }

    /**
     * @param type birth certificate or family booklet
     * @param parentDocument the parent's identity document checked with it
     * @param checkedBy who checked them
     * @param checkedAt when
     * @return the record of a minor's document check
     */
    public static IdentityDocument forMinor(Type type, Type parentDocument, String checkedBy, Instant checkedAt) {
        return new IdentityDocument(type, checkedBy, checkedAt, Optional.of(parentDocument));
    }
}
