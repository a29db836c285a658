package fr.opendmp.testkit.privacy;

import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.document.Author;
import fr.opendmp.core.document.Deposit;
import fr.opendmp.core.document.DocumentMetadata;
import fr.opendmp.core.document.DocumentType;
import fr.opendmp.core.ins.IdentityTraits;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.ins.InsMatricule;
import fr.opendmp.core.ins.PatientIdentity;
import fr.opendmp.core.ins.Sex;
import fr.opendmp.core.party.Professional;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds a public record by reflection with health data in every component that may hold some: an
 * INS, traits and an identity of the sentinel patient, a sentinel birth date, a sentinel body, a
 * sentinel name in every person's name (birth, used, family, given names; any name of a record
 * about a person: professional, author, patient, identity), and a sentinel in free text about the
 * patient (title, description, comments, content). Other components (codes, ids, an organisation's
 * or a software's name) get ordinary values, tried until the record's checks accept them.
 */
final class SentinelRecords {

    static final String INS = "279119913400976";
    static final String NAME = "TESTDMP";
    static final String FIRST_NAMES = "CAMILLE SOPHIE";
    static final String BIRTH_DATE = "1979-11-13";
    static final String BODY = "OPENDMP-BODY-SENTINEL";

    /** A person's name anywhere (birth, used, family, given, first and last names). */
    private static final Pattern PERSON_NAME = Pattern.compile(
            "(?i)(birth|used|family|given|first|last|patient)(name|names|firstname|firstnames)?|.*(family|given)name.*"
                    + "|(birth|used)(first)?names?|(first|last)names?");
    /** In a record about a person, any name component is the person's name. */
    private static final Pattern PERSON_RECORD = Pattern.compile(
            "(?i).*(professional|author|person|patient|individu|beneficiary|identity|traits).*");
    private static final Pattern ANY_NAME = Pattern.compile("(?i)(?!.*id$).*names?");
    private static final Pattern BIRTH_LIKE = Pattern.compile("(?i)birth(date|day|time)?");
    /** Free text about the patient's health, and document content. */
    private static final Pattern HEALTH_TEXT = Pattern.compile(
            "(?i)title|description|comments?|body|content|text|narrative|diagnosis|dosage|reaction|agent");
    private static final Pattern INS_LIKE = Pattern.compile("(?i)(ins|nir|nia|matricule|insValue)");
    private static final List<String> ORDINARY_TEXT = List.of("x", "1.2.250.1.999.1", "10", "urn:oid:1.2.250.1.999.1",
            "2026-01-01", "2026-01-01T10:00:00+01:00", "M", "text/xml", "https://example.invalid/x", "00", "SA07",
            "810001234567", "A");
    private static final int MAX_DEPTH = 4;

    private SentinelRecords() {
    }

    /**
     * @param type a public record
     * @return an instance with sentinels where health data may go, empty if no combination is accepted
     */
    static Optional<Object> build(Class<?> type) {
        return build(type, 0);
    }

    private static Optional<Object> build(Class<?> type, int depth) {
        Object fixed = fixed("", type);
        if (fixed != null) {
            return Optional.of(fixed);
        }
        boolean aboutAPerson = PERSON_RECORD.matcher(type.getSimpleName()).matches();
        if (depth > MAX_DEPTH) {
            return Optional.empty();
        }
        RecordComponent[] rc = type.getRecordComponents();
        Class<?>[] types = new Class<?>[rc.length];
        List<List<Object>> candidates = new ArrayList<>();
        for (int i = 0; i < rc.length; i++) {
            types[i] = rc[i].getType();
            String name = aboutAPerson && ANY_NAME.matcher(rc[i].getName()).matches() ? "personName" : rc[i].getName();
            candidates.add(candidates(name, rc[i].getType(), rc[i].getGenericType(), depth));
            if (candidates.get(i).isEmpty()) {
                return Optional.empty();
            }
        }
        Constructor<?> ctor;
        try {
            ctor = type.getDeclaredConstructor(types);
            ctor.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
        int widest = candidates.stream().mapToInt(List::size).max().orElse(1);
        for (int k = 0; k < widest; k++) {
            Object[] args = new Object[rc.length];
            for (int i = 0; i < rc.length; i++) {
                args[i] = candidates.get(i).get(Math.min(k, candidates.get(i).size() - 1));
            }
            try {
                return Optional.of(ctor.newInstance(args));
            } catch (ReflectiveOperationException | RuntimeException refused) {
                // the next diagonal, then every combination
            }
        }
        int[] choice = new int[rc.length];
        for (int attempt = 0; attempt < 2000; attempt++) {
            Object[] args = new Object[rc.length];
            for (int i = 0; i < rc.length; i++) {
                args[i] = candidates.get(i).get(choice[i]);
            }
            try {
                return Optional.of(ctor.newInstance(args));
            } catch (ReflectiveOperationException | RuntimeException refused) {
                if (!next(choice, candidates)) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** Odometer over the candidates (after the diagonal): the first (sentinel) values are tried first. */
    private static boolean next(int[] choice, List<List<Object>> candidates) {
        for (int i = choice.length - 1; i >= 0; i--) {
            if (++choice[i] < candidates.get(i).size()) {
                return true;
            }
            choice[i] = 0;
        }
        return false;
    }

    private static List<Object> candidates(String name, Class<?> type, Type generic, int depth) {
        List<Object> values = new ArrayList<>();
        if (type == String.class) {
            if (INS_LIKE.matcher(name).matches()) {
                values.add(INS);
            } else if (BIRTH_LIKE.matcher(name).matches()) {
                values.add(BIRTH_DATE);
            } else if (name.equals("personName") || PERSON_NAME.matcher(name).matches()) {
                values.add(NAME);
            } else if (HEALTH_TEXT.matcher(name).matches()) {
                values.add(BODY);
            }
            if (values.isEmpty()) {
                values.addAll(ORDINARY_TEXT);
            }
            return values;
        }
        if (type == Optional.class) {
            Type inner = typeArgument(generic);
            Class<?> raw = raw(inner);
            if (raw != null) {
                candidates(name, raw, inner, depth + 1).stream().limit(3).forEach(v -> values.add(Optional.of(v)));
            }
            values.add(Optional.empty());
            return values;
        }
        if (type == List.class || type == Set.class || type == java.util.Collection.class) {
            Type inner = typeArgument(generic);
            Class<?> raw = raw(inner);
            if (raw != null) {
                candidates(name, raw, inner, depth + 1).stream().limit(3)
                        .forEach(v -> values.add(type == Set.class ? Set.of(v) : List.of(v)));
            }
            values.add(type == Set.class ? Set.of() : List.of());
            return values;
        }
        if (type == Map.class) {
            return List.of(Map.of());
        }
        Object fixed = fixed(name, type);
        if (fixed != null) {
            values.add(fixed);
            return values;
        }
        if (type.isEnum()) {
            return List.of(type.getEnumConstants());
        }
        if (type.isRecord()) {
            build(type, depth + 1).ifPresent(values::add);
            return values;
        }
        return values;
    }

    private static Object fixed(String name, Class<?> type) {
        if (type == Ins.class) {
            return Ins.nir(INS);
        }
        if (type == InsMatricule.class) {
            return InsMatricule.parse(INS);
        }
        if (type == IdentityTraits.class) {
            return traits();
        }
        if (type == PatientIdentity.class) {
            return PatientIdentity.qualified(traits(), Ins.nir(INS));
        }
        if (type == DocumentMetadata.class) {
            return metadata();
        }
        if (type == Deposit.class) {
            return Deposit.builder().patient(PatientIdentity.qualified(traits(), Ins.nir(INS)))
                    .document(metadata(), BODY.getBytes(StandardCharsets.UTF_8)).build();
        }
        if (type == LocalDate.class) {
            return BIRTH_LIKE.matcher(name).matches() ? LocalDate.parse(BIRTH_DATE) : LocalDate.parse("2026-01-01");
        }
        if (type == byte[].class) {
            return BODY.getBytes(StandardCharsets.UTF_8);
        }
        if (type == ByteBuffer.class) {
            return ByteBuffer.wrap(BODY.getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer();
        }
        if (type == Instant.class) {
            return Instant.parse("2026-01-01T09:00:00Z");
        }
        if (type == OffsetDateTime.class) {
            return OffsetDateTime.of(2026, 1, 1, 10, 0, 0, 0, ZoneOffset.ofHours(1));
        }
        if (type == Duration.class) {
            return Duration.ofSeconds(1);
        }
        if (type == URI.class) {
            return URI.create("https://example.invalid/x");
        }
        if (type == int.class || type == Integer.class) {
            return 1;
        }
        if (type == long.class || type == Long.class) {
            return 1L;
        }
        if (type == boolean.class || type == Boolean.class) {
            return false;
        }
        if (type == double.class || type == Double.class) {
            return 1.0;
        }
        if (type == java.math.BigDecimal.class) {
            return java.math.BigDecimal.ONE;
        }
        return null;
    }

    static DocumentMetadata metadata() {
        OffsetDateTime t = OffsetDateTime.parse("2026-06-12T10:00:00+02:00");
        return DocumentMetadata.builder().uniqueId("urn:oid:1.2.250.1.999.1.1").type(DocumentType.CR_CONSULTATION)
                .title(BODY).description(BODY)
                .facilityType(Code.of(CodeSystems.TRE_R02, "SA07", "Cabinet individuel"))
                .practiceSetting(Code.of(CodeSystems.PRACTICE_SETTING, "AMBULATOIRE", "Ambulatoire"))
                .creationTime(t).serviceStart(t).author(Author.of(Professional.of("810001234567").withNames(NAME, NAME)))
                .build();
    }

    static IdentityTraits traits() {
        return IdentityTraits.builder().birthName(NAME).birthFirstNames(FIRST_NAMES).birthDate(BIRTH_DATE).sex(Sex.F)
                .birthPlaceCode("99134").build();
    }

    private static Type typeArgument(Type generic) {
        return generic instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
    }

    private static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) {
            return c == Object.class ? null : c;
        }
        return t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c ? c : null;
    }
}
