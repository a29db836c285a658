package fr.opendmp.testkit.architecture;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.auth.keys.KeyMaterial;
import fr.opendmp.auth.provider.BearerTokenPlacement;
import fr.opendmp.auth.vihf.Software;
import fr.opendmp.auth.vihf.VihfIssuer;
import fr.opendmp.cda.InstanceId;
import fr.opendmp.cda.validate.CdaValidator;
import fr.opendmp.core.client.DmpClient;
import fr.opendmp.core.client.VisitMarker;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.document.Author;
import fr.opendmp.core.document.DocumentMetadata;
import fr.opendmp.core.document.DocumentType;
import fr.opendmp.core.ins.IdentityTraits;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.ins.InsMatricule;
import fr.opendmp.core.ins.InsOid;
import fr.opendmp.core.ins.InvalidTraitException;
import fr.opendmp.core.ins.PatientIdentity;
import fr.opendmp.core.ins.Sex;
import fr.opendmp.core.party.Organization;
import fr.opendmp.core.party.Professional;
import fr.opendmp.testkit.auth.SignedTestCredentials;
import fr.opendmp.testkit.ca.CertificateProfile;
import fr.opendmp.testkit.ca.TestCa;
import fr.opendmp.testkit.insi.InsiPerson;
import fr.opendmp.testkit.psc.FakeProSanteConnect;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The API rule "a builder refuses a setting given twice", checked on every public builder of the
 * SDK's API packages (found by scanning the classes, so a new builder cannot escape): each fluent
 * setter is called twice on a fresh builder and the second call must throw an
 * {@link IllegalStateException} saying the setting was already set, unless the setting adds a value
 * and is listed in {@link #ADDITIVE}. A setter the sweep cannot call (no sample for a parameter, or
 * the sample refused) fails the test until a sample is given in {@link #BY_SETTER}. A builder is a
 * public class with a public method returning its own type; the few such classes that are not
 * builders (immutable values with {@code with...}, running fakes) are named in {@link #NOT_BUILDERS}.
 */
class EveryBuilderRefusesASettingGivenTwiceTest {

    /** Settings that add one more value (or one more keyed value): a second call adds a second one. */
    private static final Map<String, String> ADDITIVE = Map.ofEntries(
            entry("DocumentMetadata.Builder#author", "a document has one or more authors"),
            entry("DocumentMetadata.Builder#event", "a document has several acts (event codes)"),
            entry("DocumentMetadata.Builder#visibility", "masking to the patient, to the legal representatives..."),
            entry("Deposit.Builder#document", "a submission holds several documents"),
            entry("DocumentQuery.Builder#status", "a search asks for several statuses"),
            entry("DocumentQuery.Builder#type", "a search asks for several types"),
            entry("DocumentQuery.Builder#classCode", "a search asks for several classes"),
            entry("DocumentQuery.Builder#format", "a search asks for several formats"),
            entry("DocumentQuery.Builder#practiceSetting", "a search asks for several practice settings"),
            entry("DocumentQuery.Builder#facilityType", "a search asks for several facility types"),
            entry("DocumentHeader.Builder#author", "a CDA has one or more authors"),
            entry("LdlSes.Builder#staySummary", "paragraphs of the summary"),
            entry("LdlSes.Builder#dischargeTreatment", "a list of treatments"),
            entry("LdlSes.Builder#stoppedTreatment", "a list of treatments"),
            entry("LdlSes.Builder#result", "a list of results"),
            entry("LdlSes.Builder#followUp", "a list of instructions"),
            entry("LdlSes.Builder#device", "a list of devices"),
            entry("LdlSes.Builder#allergy", "a list of allergies"),
            entry("Vsm.Builder#activeProblem", "a list of problems"),
            entry("Vsm.Builder#medicalHistory", "a list of antecedents"),
            entry("Vsm.Builder#surgicalHistory", "a list of antecedents"),
            entry("Vsm.Builder#allergy", "a list of allergies"),
            entry("Vsm.Builder#lifestyle", "a list of facts"),
            entry("Vsm.Builder#occupationalRisk", "a list of risks"),
            entry("Vsm.Builder#familyHistory", "a list of antecedents"),
            entry("Vsm.Builder#vigilancePoint", "a list of points"),
            entry("Vsm.Builder#treatment", "a list of treatments"),
            entry("BiologyReport.Builder#result", "a report has many results"),
            entry("VihfVerifier.Builder#trust", "several trusted CAs"),
            entry("VihfVerifier.Builder#allowFirstRoleSystems", "more code systems for the first role"),
            entry("FakeInsi.Builder#person", "the fake's population"),
            entry("InsiPerson.Builder#former", "a person's former INS"));

    /**
     * A builder whose every error about a trait, a repeated one included, is its typed
     * {@link InvalidTraitException} (an identity form reports it per trait), not an IllegalStateException.
     */
    private static final Map<Class<?>, Predicate<Throwable>> OTHER_REFUSALS = Map.of(IdentityTraits.Builder.class,
            e -> e instanceof InvalidTraitException t && t.reason() == InvalidTraitException.Reason.SET_TWICE);

    /** Arguments for the setters whose first call refuses the samples by type. */
    private static final Map<String, Supplier<Object[]>> BY_SETTER = Map.ofEntries(
            entry("CdaValidator.Builder#ansPackage", () -> new Object[] {ansPackageStandIn()}),
            entry("DocumentHeader.Builder#custodian", () -> new Object[] {
                Organization.of("2801234567", "Cabinet du Dr Test")}),
            entry("IdentityTraits.Builder#sex(String)", () -> new Object[] {"F"}),
            entry("InsiClient.Builder#maxRetries", () -> new Object[] {2}),
            entry("FakeDmp.Builder#adminToken", () -> new Object[] {"an-admin-token-of-the-sweep"}),
            entry("FakeDmp.Builder#dmpiServiceAlias", () -> new Object[] {"alias", "registry"}),
            entry("FakeDmp.Builder#senderFaultStatus", () -> new Object[] {500}));

    /** Public classes with a method that returns their own type and that are not builders. */
    private static final Map<String, String> NOT_BUILDERS = Map.of(
            "fr.opendmp.auth.keys.KeyMaterial", "requireValidAt(now) checks and returns the same key",
            "fr.opendmp.auth.keys.TrustAnchors", "immutable: withCrls returns new anchors",
            "fr.opendmp.core.document.TypeClassTable", "immutable: with(type, class) returns a new table",
            "fr.opendmp.core.ins.PatientIdentity", "immutable: each with... returns the identity's next state",
            "fr.opendmp.core.search.DocumentPage", "next() fetches the next page",
            "fr.opendmp.xds.RefusalRecognizer", "immutable: with(...) returns a new recognizer",
            "fr.opendmp.testkit.dmp.TestCredentials", "immutable: withClock returns new credentials",
            "fr.opendmp.testkit.dmp.FakeDmp", "a running fake: seeding and fault injection return it for chaining",
            "fr.opendmp.testkit.insi.FakeInsi", "a running fake: seeding and fault injection return it for chaining");

    private static final List<AutoCloseable> OPENED = new ArrayList<>();
    private static final Instant T = Instant.parse("2026-06-12T08:00:00Z");
    private static TestCa ca;
    private static SignedTestCredentials credentials;

    @AfterAll
    static void closeWhatTheSamplesOpened() throws Exception {
        for (AutoCloseable c : OPENED) {
            c.close();
        }
    }

    @Test
    void everySetterOfEveryPublicBuilderRefusesASecondValueUnlessItAdds() {
        List<Class<?>> builders = publicApiBuilders();
        BuilderSweep.Report report = sweep().sweep(builders);

        System.out.printf("[builders] %d public builders, %d setters called twice: %d refused the second call,"
                        + " %d additive took it%n", builders.size(), report.checked(), report.refusedTwice.size(),
                report.repeatedAdditive.size());
        assertThat(report.findings()).as("setters that break the rule or that the sweep could not check").isEmpty();
        assertThat(builders).extracting(BuilderSweep::nameOf).as("the scan reaches every module's builders")
                .contains("DocumentMetadata.Builder", "DocumentHeader.Builder", "LdlSes.Builder", "VihfBuilder",
                        "MutualTls.Builder", "XdsTransport.Builder", "FakeDmp.Builder", "InsiPerson.Builder",
                        "TestCa.Request");
        assertThat(report.refusedTwice).hasSizeGreaterThan(200);
    }

    @Test
    void theListsNameOnlyBuildersTheScanFindsAndClassesThatStillLookLikeBuilders() {
        List<String> found = publicApiBuilders().stream().map(BuilderSweep::nameOf).toList();
        assertThat(Stream.concat(ADDITIVE.keySet().stream(), BY_SETTER.keySet().stream())
                .map(key -> key.substring(0, key.indexOf('#'))).distinct())
                .as("additive settings and samples of builders the scan finds").allMatch(found::contains);
        assertThat(NOT_BUILDERS.keySet()).as("classes listed as not builders still have a fluent method")
                .allMatch(name -> hasFluentMethod(load(name)));
    }

    @Test
    void theSweepFindsABuilderWhereTheSecondValueWinsAndASetterItCannotCall() {
        BuilderSweep.Report report = sweep().sweep(List.of(LastValueWins.Builder.class, KeepsTheRule.Builder.class));

        assertThat(report.secondValueWins).singleElement().asString().startsWith("LastValueWins.Builder#title");
        assertThat(report.noSample).singleElement().asString().startsWith("LastValueWins.Builder#opaque");
        assertThat(report.refusedTwice).singleElement().asString().startsWith("KeepsTheRule.Builder#title");
        assertThat(report.findings()).hasSize(2);
    }

    @Test
    void anAdditiveListingThatRefusesOrNamesNoSetterIsAFinding() {
        BuilderSweep sweep = new BuilderSweep(b -> Optional.empty(), samples(), Map.of(),
                Map.of("KeepsTheRule.Builder#title", "wrongly listed", "KeepsTheRule.Builder#gone", "removed"),
                Map.of());
        BuilderSweep.Report report = sweep.sweep(List.of(KeepsTheRule.Builder.class));

        assertThat(report.listedAdditiveButRefused).singleElement().asString()
                .startsWith("KeepsTheRule.Builder#title");
        assertThat(report.staleEntries).containsExactly("KeepsTheRule.Builder#gone");
    }

    private static BuilderSweep sweep() {
        return new BuilderSweep(EveryBuilderRefusesASettingGivenTwiceTest::factory, samples(), BY_SETTER, ADDITIVE,
                OTHER_REFUSALS);
    }

    /** A fresh builder where no public static method without parameters gives one. */
    private static Optional<Supplier<Object>> factory(Class<?> builder) {
        if (builder == TestCa.Request.class) {
            return Optional.of(() -> ca().issue(CertificateProfile.ORG_AUTH_CLI));
        }
        if (builder == fr.opendmp.testkit.dmp.FakeProfessional.Builder.class) {
            return Optional.of(() -> fr.opendmp.testkit.dmp.FakeProfessional.builder("899700366240"));
        }
        return Optional.empty();
    }

    private static SettingSamples samples() {
        Map<Class<?>, Supplier<?>> s = new HashMap<>();
        s.put(String.class, () -> "1.2.250.1.999.1");
        s.put(int.class, () -> 5);
        s.put(Integer.class, () -> 5);
        s.put(long.class, () -> 1_000_000L);
        s.put(double.class, () -> 1.0);
        s.put(boolean.class, () -> true);
        s.put(byte[].class, () -> "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        s.put(BigDecimal.class, () -> BigDecimal.ONE);
        s.put(Duration.class, () -> Duration.ofSeconds(30));
        s.put(URI.class, () -> URI.create("https://127.0.0.1:8443/dmp"));
        s.put(Instant.class, () -> T);
        s.put(OffsetDateTime.class, () -> T.atOffset(ZoneOffset.ofHours(2)));
        s.put(LocalDate.class, () -> LocalDate.of(2026, 6, 12));
        s.put(Clock.class, () -> Clock.fixed(T, ZoneOffset.UTC));
        s.put(Path.class, () -> Path.of("target"));
        s.put(Code.class, () -> Code.of(CodeSystems.LOINC, "11488-4", "CR de consultation"));
        s.put(InstanceId.class, () -> InstanceId.of("1.2.250.1.999.1.1"));
        s.put(Ins.class, EveryBuilderRefusesASettingGivenTwiceTest::ins);
        s.put(IdentityTraits.class, EveryBuilderRefusesASettingGivenTwiceTest::traits);
        s.put(PatientIdentity.class, () -> PatientIdentity.qualified(traits(), ins()));
        s.put(Professional.class, SignedTestCredentials::doctor);
        s.put(Organization.class, SignedTestCredentials::structure);
        s.put(Software.class, SignedTestCredentials::software);
        s.put(TestCa.class, EveryBuilderRefusesASettingGivenTwiceTest::ca);
        s.put(SignedTestCredentials.class, EveryBuilderRefusesASettingGivenTwiceTest::credentials);
        s.put(X509Certificate.class, () -> ca().root());
        s.put(KeyMaterial.class, () -> credentials().tlsClient().keyMaterial());
        s.put(KeyPair.class, EveryBuilderRefusesASettingGivenTwiceTest::keyPair);
        s.put(FakeProSanteConnect.class, EveryBuilderRefusesASettingGivenTwiceTest::proSanteConnect);
        s.put(DmpClient.class, EveryBuilderRefusesASettingGivenTwiceTest::dmpClient);
        s.put(X509CRL.class, () -> ca().crl());
        s.put(VisitMarker.class, () -> VisitMarker.of(List.of()));
        s.put(VihfIssuer.class, () -> credentials().vihfIssuer());
        s.put(InsiPerson.class, () -> InsiPerson.builder().birthName("PAT-TROIS").firstNames("DOMINIQUE").sex("F")
                .birthDate("1979-03-28").birthPlace("51215").build());
        s.put(DocumentMetadata.class, () -> DocumentMetadata.builder().uniqueId("urn:oid:1.2.250.1.999.1.1")
                .type(DocumentType.CR_CONSULTATION).title("CR")
                .facilityType(Code.of(CodeSystems.TRE_R02, "SA07", "Cabinet individuel"))
                .practiceSetting(Code.of(CodeSystems.PRACTICE_SETTING, "AMBULATOIRE", "Ambulatoire"))
                .creationTime(T.atOffset(ZoneOffset.UTC)).author(Author.of("810001234567")).build());
        return new SettingSamples(s);
    }

    private static Ins ins() {
        return Ins.of(InsMatricule.parse("279035121518989"), InsOid.NIR_TEST);
    }

    private static IdentityTraits traits() {
        return IdentityTraits.builder().birthName("PAT-TROIS").birthFirstNames("DOMINIQUE")
                .birthDate("1979-03-28").sex(Sex.F).birthPlaceCode("51215").build();
    }

    private static synchronized TestCa ca() {
        if (ca == null) {
            ca = TestCa.create("builder sweep");
        }
        return ca;
    }

    private static synchronized SignedTestCredentials credentials() {
        if (credentials == null) {
            credentials = SignedTestCredentials.create(ca(), Clock.systemUTC());
        }
        return credentials;
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static FakeProSanteConnect proSanteConnect() {
        FakeProSanteConnect psc = FakeProSanteConnect.builder().client("sweep", "secret").start();
        OPENED.add(psc);
        return psc;
    }

    private static DmpClient dmpClient() {
        DmpClient client = DmpClient.builder().endpoint(URI.create("https://127.0.0.1:8443/dmp")).credentials(credentials().provider(new BearerTokenPlacement()))
                .software("OpenDMP sweep", "1.0", "H-0").build();
        OPENED.add(client);
        return client;
    }

    /** A folder that looks like the ANS package: it holds the CDA schema's file (never read by a builder). */
    private static Path ansPackageStandIn() {
        try {
            Path folder = Files.createTempDirectory("ans-package");
            Path xsd = folder.resolve(CdaValidator.XSD);
            Files.createDirectories(xsd.getParent());
            Files.writeString(xsd, "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"/>");
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The public builders of the SDK's API packages: the packages a module's {@code module-info}
     * exports to everyone, or, for a module without one (the test kit), its packages outside
     * {@code internal}. A builder is a public class with a public method that returns the class itself.
     */
    static List<Class<?>> publicApiBuilders() {
        List<Class<?>> builders = new ArrayList<>();
        for (Path root : OneVocabularyTest.sdkClassRoots()) {
            Optional<Set<String>> exported = exportedPackages(root);
            for (String name : classNames(root)) {
                String pkg = name.substring(0, name.lastIndexOf('.'));
                boolean api = exported.map(e -> e.contains(pkg)).orElse(!pkg.contains(".internal"));
                if (!api || NOT_BUILDERS.containsKey(name)) {
                    continue;
                }
                Class<?> type = load(name);
                if (isPublicBuilder(type)) {
                    builders.add(type);
                }
            }
        }
        return builders;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, EveryBuilderRefusesASettingGivenTwiceTest.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new AssertionError(name, e);
        }
    }

    private static boolean isPublicBuilder(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers())) {
                return false;
            }
        }
        return !type.isInterface() && !type.isRecord() && !type.isEnum() && hasFluentMethod(type);
    }

    private static boolean hasFluentMethod(Class<?> type) {
        for (Method m : type.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())
                    && m.getReturnType() == type) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Set<String>> exportedPackages(Path root) {
        try {
            if (Files.isDirectory(root)) {
                Path info = root.resolve("module-info.class");
                if (!Files.exists(info)) {
                    return Optional.empty();
                }
                try (InputStream in = Files.newInputStream(info)) {
                    return Optional.of(unqualifiedExports(ModuleDescriptor.read(in)));
                }
            }
            try (JarFile jar = new JarFile(root.toFile())) {
                var entry = jar.getEntry("module-info.class");
                if (entry == null) {
                    return Optional.empty();
                }
                try (InputStream in = jar.getInputStream(entry)) {
                    return Optional.of(unqualifiedExports(ModuleDescriptor.read(in)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> unqualifiedExports(ModuleDescriptor module) {
        return module.exports().stream().filter(e -> !e.isQualified()).map(ModuleDescriptor.Exports::source)
                .collect(java.util.stream.Collectors.toSet());
    }

    private static List<String> classNames(Path root) {
        try {
            List<String> entries;
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root)) {
                    entries = files.map(f -> root.relativize(f).toString().replace(java.io.File.separatorChar, '/'))
                            .toList();
                }
            } else {
                try (JarFile jar = new JarFile(root.toFile())) {
                    entries = jar.stream().map(java.util.jar.JarEntry::getName).toList();
                }
            }
            return entries.stream().filter(n -> n.startsWith("fr/") && n.endsWith(".class")
                            && !n.endsWith("module-info.class") && !n.endsWith("package-info.class"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.')).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A test-only builder that breaks the rule: a second title wins. */
    public static final class LastValueWins {
        private LastValueWins() {
        }

        /** @return a builder */
        public static Builder builder() {
            return new Builder();
        }

        /** Lets a second title win, and has a setter the sweep has no sample for. */
        public static final class Builder {
            private String title;

            /**
             * @param value the title
             * @return this
             */
            public Builder title(String value) {
                title = value;
                return this;
            }

            /**
             * @param value a type the sweep has no sample for
             * @return this
             */
            public Builder opaque(Opaque value) {
                return this;
            }

            @Override
            public String toString() {
                return "LastValueWins.Builder[" + title + "]";
            }
        }
    }

    /** A type without sample, constant nor factory. */
    public static final class Opaque {
        private Opaque() {
        }
    }

    /** A test-only builder that keeps the rule. */
    public static final class KeepsTheRule {
        private KeepsTheRule() {
        }

        /** @return a builder */
        public static Builder builder() {
            return new Builder();
        }

        /** Refuses a second title. */
        public static final class Builder {
            private String title;

            /**
             * @param value the title
             * @return this
             */
            public Builder title(String value) {
                if (title != null) {
                    throw new IllegalStateException("title was already set");
                }
                title = value;
                return this;
            }
        }
    }
}
