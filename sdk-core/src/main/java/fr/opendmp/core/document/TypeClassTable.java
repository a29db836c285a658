package fr.opendmp.core.document;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which class (classCode, TRE_A03) goes with which type (typeCode). The ANS table ASS_X04 was not
 * found, so {@link #defaults()} is (unsure): override entries with {@link #with(Code, Code)}.
 * Immutable.
 */
public final class TypeClassTable {

    /** TRE_A03 {@code 10} Compte rendu. */
    public static final Code COMPTE_RENDU = Code.of(CodeSystems.TRE_A03, "10", "Compte rendu");
    /** TRE_A03 {@code 11} Synthèse. */
    public static final Code SYNTHESE = Code.of(CodeSystems.TRE_A03, "11", "Synthèse");
    /** TRE_A03 {@code 42} Prescription. */
    public static final Code PRESCRIPTION = Code.of(CodeSystems.TRE_A03, "42", "Prescription");

    private static final TypeClassTable DEFAULTS = new TypeClassTable(Map.of(
            key(DocumentType.SYNTHESE_MEDICALE.code()), SYNTHESE,
            key(DocumentType.LETTRE_LIAISON_SORTIE.code()), COMPTE_RENDU,
            key(DocumentType.CR_BIOLOGIE.code()), COMPTE_RENDU,
            key(DocumentType.CR_IMAGERIE.code()), COMPTE_RENDU,
            key(DocumentType.CR_OPERATOIRE.code()), COMPTE_RENDU,
            key(DocumentType.ORDONNANCE.code()), PRESCRIPTION,
            key(DocumentType.CR_CONSULTATION.code()), COMPTE_RENDU,
            key(Code.of(CodeSystems.LOINC, "60591-5")), SYNTHESE));

    private final Map<String, Code> classes;

    private TypeClassTable(Map<String, Code> classes) {
        this.classes = Map.copyOf(classes);
    }

    /** @return the built-in table (unsure: from value-sets.md, not from ASS_X04) */
    public static TypeClassTable defaults() {
        return DEFAULTS;
    }

    /** @return a copy of this table where {@code type} maps to {@code classCode} */
    public TypeClassTable with(Code type, Code classCode) {
        Map<String, Code> copy = new HashMap<>(classes);
        copy.put(key(type), Objects.requireNonNull(classCode, "classCode"));
        return new TypeClassTable(copy);
    }

    /** @return the class of a type, if the table knows it */
    public Optional<Code> classOf(Code type) {
        return Optional.ofNullable(classes.get(key(type)));
    }

    private static String key(Code type) {
        return CodeSystems.normalise(type.system()) + "|" + type.code();
    }
}
