package fr.opendmp.core.document;

import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;

import fr.opendmp.core.document.DocumentTypeException.Reason;
import fr.opendmp.core.document.internal.TypeClassResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which class (classCode, TRE_A03) goes with which document type (typeCode), and which types and
 * classes the DMP accepts: the ANS tables, shipped as the data resource
 * {@code fr/opendmp/core/document/type-class.json} and loaded once.
 *
 * <p>Sources, all published by the ANS in the NOS terminology (jeux de valeurs), with the versions
 * given by {@link #sources()}:
 * <ul>
 *   <li>ASS_X04-CorrespondanceType-Classe-CISIS (OID 1.2.250.1.213.1.1.4.249): type → class for
 *       every CI-SIS type,
 *       {@code https://mos.esante.gouv.fr/NOS/ASS_X04-CorrespondanceType-Classe-CISIS/FHIR/ASS-X04-CorrespondanceType-Classe-CISIS};</li>
 *   <li>ASS_X16-CorrespondanceType-Classe-DMP (OID 1.2.250.1.213.1.1.5.587): type → class for the
 *       DMP (never disagrees with X04);</li>
 *   <li>JDV_J66-TypeCode-DMP (OID 1.2.250.1.213.1.1.5.7): the types the DMP accepts;</li>
 *   <li>JDV_J57-ClassCode-DMP (OID 1.2.250.1.213.1.1.5.6): the classes the DMP accepts;</li>
 *   <li>JDV_J07-XdsTypeCode-CISIS (OID 1.2.250.1.213.1.1.5.471): the current CI-SIS types.</li>
 * </ul>
 * The same tables are readable at {@code https://ansforge.github.io/IG-terminologie-de-sante/}
 * (ANS terminology IG, package {@code ans.fr.terminologies}).
 *
 * <pre>{@code
 * TypeClassTable ans = TypeClassTable.ans();
 * Code cls = ans.deriveClass(Code.of(CodeSystems.LOINC, "18748-4"), DocumentTarget.DMP);  // 31 Imagerie médicale
 * ans.allowedInDmp(Code.of(CodeSystems.TRE_A05, "FEUILLE-DE-STYLE"));                     // false
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@link #with(Code, Code)} returns a changed copy.
 */
public final class TypeClassTable {

    /** TRE_A03 {@code 10} Compte rendu. */
    public static final Code COMPTE_RENDU = Code.of(CodeSystems.TRE_A03, "10", "Compte rendu");
    /** TRE_A03 {@code 11} Synthèse. */
    public static final Code SYNTHESE = Code.of(CodeSystems.TRE_A03, "11", "Synthèse");
    /** TRE_A03 {@code 31} Imagerie médicale. */
    public static final Code IMAGERIE = Code.of(CodeSystems.TRE_A03, "31", "Imagerie médicale");
    /** TRE_A03 {@code 42} Prescription. */
    public static final Code PRESCRIPTION = Code.of(CodeSystems.TRE_A03, "42", "Prescription");
    /**
     * TRE_A10 {@code urn:oid:1.3.6.1.4.1.19376.1.2.1.1.1} Digital Signature: the class of the XAdES
     * signature document a DMPi submission carries (IHE DSG; typeCode E1762). The code alone names
     * it: its system arrives as {@code URN} over DMPi and as another spelling over FHIR.
     */
    public static final Code SIGNATURE = Code.of(CodeSystems.TRE_A10, "urn:oid:1.3.6.1.4.1.19376.1.2.1.1.1",
            "Digital Signature");

    /**
     * One type of the table.
     *
     * @param type the typeCode (LOINC, TRE_A05 or TRE_A12)
     * @param classCode its class (TRE_A03, or the TRE_A10 signature URN for E1762)
     * @param inJ07 whether it is a current CI-SIS type (JDV_J07-XdsTypeCode-CISIS)
     * @param inJ66 whether the DMP accepts it (JDV_J66-TypeCode-DMP)
     */
    public record Entry(Code type, Code classCode, boolean inJ07, boolean inJ66) {

        /**
         * Checks presence.
         * @param type the typeCode (LOINC, TRE_A05 or TRE_A12)
         * @param classCode its class (TRE_A03, or the TRE_A10 signature URN for E1762)
         * @param inJ07 whether it is a current CI-SIS type (JDV_J07-XdsTypeCode-CISIS)
         * @param inJ66 whether the DMP accepts it (JDV_J66-TypeCode-DMP)
         */
        public Entry {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(classCode, "classCode");
        }
    }

    /**
     * One class the tables use.
     *
     * @param classCode the class
     * @param inJ57 whether the DMP accepts it (JDV_J57-ClassCode-DMP)
     */
    public record ClassEntry(Code classCode, boolean inJ57) {

        /**
         * Checks presence.
         * @param classCode its class (TRE_A03, or the TRE_A10 signature URN for E1762)
         * @param inJ57 whether the DMP accepts it (JDV_J57-ClassCode-DMP)
         */
        public ClassEntry {
            Objects.requireNonNull(classCode, "classCode");
        }
    }

    /**
     * One ANS table or value set the data was transcribed from.
     *
     * @param name the NOS name (e.g. {@code ASS_X16-CorrespondanceType-Classe-DMP})
     * @param oid its OID
     * @param version the NOS version label (e.g. {@code 20240927120000})
     * @param canonical its NOS canonical URL
     * @param published where the ANS publishes it in readable form, if known
     */
    public record Source(String name, String oid, String version, String canonical, Optional<String> published) {

        /**
         * Checks presence.
         * @param name the NOS name (e.g. {@code ASS_X16-CorrespondanceType-Classe-DMP})
         * @param oid its OID
         * @param version the NOS version label (e.g. {@code 20240927120000})
         * @param canonical its NOS canonical URL
         * @param published where the ANS publishes it in readable form, if known
         */
        public Source {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(oid, "oid");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(canonical, "canonical");
            Objects.requireNonNull(published, "published");
        }
    }

    private static final class Ans {
        static final TypeClassTable TABLE = load();

        private static TypeClassTable load() {
            TypeClassResource.Data data = TypeClassResource.load();
            return new TypeClassTable(data.version(), data.sources(), data.classes(), data.types());
        }
    }

    private final String version;
    private final List<Source> sources;
    private final Map<String, ClassEntry> classes;
    private final Map<String, Entry> types;

    private TypeClassTable(String version, List<Source> sources, List<ClassEntry> classes, List<Entry> types) {
        this.version = version;
        this.sources = List.copyOf(sources);
        Map<String, ClassEntry> c = new LinkedHashMap<>();
        classes.forEach(e -> c.put(key(e.classCode()), e));
        this.classes = c;
        Map<String, Entry> t = new LinkedHashMap<>();
        types.forEach(e -> t.put(key(e.type()), e));
        this.types = t;
    }

    /** @return the ANS tables (loaded once from the SDK's data resource) */
    public static TypeClassTable ans() {
        return Ans.TABLE;
    }

    /** @return the ANS tables, same as {@link #ans()} */
    public static TypeClassTable defaults() {
        return Ans.TABLE;
    }

    /**
     * Adds or replaces one mapping, for a type the ANS tables do not know (or know wrongly). A new
     * type is neither in J07 nor in J66, so a strict check refuses it: use it with
     * {@link ValueSetCheck#LENIENT} only for types the receiver is known to accept.
     *
     * @param type the typeCode (LOINC, TRE_A05 or TRE_A12)
     * @param classCode its class (TRE_A03, or the TRE_A10 signature URN for E1762)
     * @return a copy of this table where {@code type} maps to {@code classCode}
     */
    public TypeClassTable with(Code type, Code classCode) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(classCode, "classCode");
        Entry old = types.get(key(type));
        List<Entry> copy = new ArrayList<>(types.values());
        Entry changed = new Entry(type, classCode, old != null && old.inJ07(), old != null && old.inJ66());
        if (old != null) {
            copy.set(copy.indexOf(old), changed);
        } else {
            copy.add(changed);
        }
        List<ClassEntry> cls = new ArrayList<>(classes.values());
        if (!classes.containsKey(key(classCode))) {
            cls.add(new ClassEntry(classCode, false));
        }
        return new TypeClassTable(version + "+local", sources, cls, copy);
    }

    /**
     * @param type the typeCode (LOINC, TRE_A05 or TRE_A12)
     * @return the class of a type, if the table knows the type
     */
    public Optional<Code> classOf(Code type) {
        return entry(type).map(Entry::classCode);
    }

    /**
     * @param type the typeCode (LOINC, TRE_A05 or TRE_A12)
     * @return the table's row for a type, if it knows the type
     */
    public Optional<Entry> entry(Code type) {
        return Optional.ofNullable(types.get(key(Objects.requireNonNull(type, "type"))));
    }

    /**
     * Derives the class of a type for a target, checking that the target accepts the type.
     *
     * @param type the typeCode
     * @param target where the document goes ({@link DocumentTarget#DMP}: J66 is checked)
     * @return the class the ANS tables give
     * @throws DocumentTypeException {@code UNKNOWN_TYPE}, {@code NOT_ALLOWED_IN_DMP} or
     *     {@code NOT_IN_CISIS_TYPES}
     */
    public Code deriveClass(Code type, DocumentTarget target) {
        checkType(type, target);
        return types.get(key(type)).classCode();
    }

    /**
     * @param type the typeCode
     * @param target where the document goes
     * @throws DocumentTypeException if the table does not know the type, or the target does not accept it
     */
    public void checkType(Code type, DocumentTarget target) {
        Objects.requireNonNull(target, "target");
        Entry e = require(type);
        if (target == DocumentTarget.DMP && !e.inJ66()) {
            throw new DocumentTypeException(Reason.NOT_ALLOWED_IN_DMP, type,
                    "is not in JDV_J66-TypeCode-DMP: the DMP does not accept this type (ANS tables " + version + ")");
        }
        if (target == DocumentTarget.CI_SIS && !e.inJ07()) {
            throw new DocumentTypeException(Reason.NOT_IN_CISIS_TYPES, type,
                    "is not in JDV_J07-XdsTypeCode-CISIS (a former type kept by ASS_X04 only; ANS tables "
                            + version + ")");
        }
    }

    /**
     * @param type the typeCode (LOINC, TRE_A05 or TRE_A12)
     * @return the class of a type, whatever the target
     * @throws DocumentTypeException {@code UNKNOWN_TYPE} if the table does not know the type
     */
    public Code requireClassOf(Code type) {
        return require(type).classCode();
    }

    /**
     * @param type the typeCode (LOINC, TRE_A05 or TRE_A12)
     * @return whether the DMP accepts the type (JDV_J66-TypeCode-DMP)
     */
    public boolean allowedInDmp(Code type) {
        return entry(type).map(Entry::inJ66).orElse(false);
    }

    /**
     * @param classCode its class (TRE_A03, or the TRE_A10 signature URN for E1762)
     * @param target where the document goes ({@link DocumentTarget#DMP}: J66 is checked)
     * @return whether the class is one the target accepts (J57 for the DMP, J06 otherwise)
     */
    public boolean acceptsClass(Code classCode, DocumentTarget target) {
        Objects.requireNonNull(target, "target");
        ClassEntry e = classes.get(key(Objects.requireNonNull(classCode, "classCode")));
        return e != null && (target == DocumentTarget.CI_SIS || e.inJ57());
    }

    /** @return every type, in the order of the ANS tables (J07 first, then the former types of X04) */
    public List<Entry> entries() {
        return List.copyOf(types.values());
    }

    /** @return every class the tables use */
    public List<ClassEntry> classes() {
        return List.copyOf(classes.values());
    }

    /** @return the versions of the ANS tables this data was transcribed from, as one label */
    public String version() {
        return version;
    }

    /** @return the ANS tables and value sets this data was transcribed from */
    public List<Source> sources() {
        return sources;
    }

    private Entry require(Code type) {
        Entry e = types.get(key(Objects.requireNonNull(type, "type")));
        if (e == null) {
            throw new DocumentTypeException(Reason.UNKNOWN_TYPE, type,
                    "is in neither ASS_X04 nor ASS_X16: no class can be derived (ANS tables " + version + ")");
        }
        return e;
    }

    private static String key(Code code) {
        return CodeSystems.normalise(code.system()) + "|" + code.code();
    }

    @Override
    public String toString() {
        return "TypeClassTable[" + types.size() + " types, " + version + "]";
    }
}
