package fr.opendmp.cda.validate;

import fr.opendmp.cda.read.CdaParseException;
import fr.opendmp.cda.read.CdaReader;
import fr.opendmp.cda.read.internal.Dom;
import fr.opendmp.cda.read.internal.SecureDom;
import fr.opendmp.cda.validate.internal.BuiltInChecks;
import fr.opendmp.cda.validate.internal.Issues;
import fr.opendmp.cda.validate.internal.SchematronRunner;
import fr.opendmp.cda.validate.internal.XsdCheck;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * Validates CI-SIS CDA documents.
 *
 * <pre>{@code
 * CdaValidator validator = CdaValidator.builder()
 *     .ansPackage(Path.of("TestContenuCDA-3-0"))   // optional: XSD + schematrons
 *     .build();
 * ValidationReport report = validator.validate(bytes);
 * report.errors();   // empty when valid
 * }</pre>
 *
 * <p>Without an ANS package only the built-in checks run. With one, the CDA extended XSD is loaded
 * once, and the header schematron plus the model schematron chosen from the document's templateId
 * run when Saxon-HE and SchXslt are on the classpath (otherwise the report lists them as skipped).
 * Each schematron is compiled once per validator (≈10 s for the header one): keep one validator per
 * application. Immutable and thread-safe.
 */
public final class CdaValidator {

    /** The header schematron, relative to the ANS package. */
    public static final String HEADER_SCHEMATRON = "schematrons/profils/structurationMinimale/ASIP-STRUCT-MIN-StrucMin.sch";
    /** The CDA extended XSD, relative to the ANS package. */
    public static final String XSD = "infrastructure/cda/CDA_extended.xsd";
    private static final List<String> BODY_SCHEMATRONS = List.of("schematrons/profils/CI-SIS_ModelesDeContenusCDA.sch",
            "schematrons/profils/CI-SIS_Modeles_ANS.sch");

    private final Optional<Path> ansPackage;
    private final Map<String, String> modelSchematrons;
    private final boolean bodySchematrons;
    private final CdaReader reader;
    private final Optional<XsdCheck> xsd;
    private final Optional<SchematronRunner> schematron;

    private CdaValidator(Builder b) {
        this.ansPackage = Optional.ofNullable(b.ansPackage);
        this.modelSchematrons = Map.copyOf(b.models);
        this.bodySchematrons = b.bodySchematrons;
        this.reader = b.reader;
        this.xsd = ansPackage.map(p -> new XsdCheck(p.resolve(XSD)));
        this.schematron = ansPackage.isPresent() ? Optional.ofNullable(SchematronRunner.createIfAvailable())
                : Optional.empty();
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return whether Saxon-HE and SchXslt are on the classpath (schematron validation possible) */
    public static boolean schematronAvailable() {
        return SchematronRunner.createIfAvailable() != null;
    }

    /**
     * Validates a document. Never throws for a bad document: unreadable or hostile XML (DOCTYPE,
     * too large, nested deeper than the reader's limit) gives a report with one
     * {@link ValidationIssue.Source#PARSE} error (rule {@code parse:<reason>}, e.g.
     * {@code parse:TOO_DEEP}).
     *
     * @param xml the CDA document
     * @return the findings
     */
    public ValidationReport validate(byte[] xml) {
        Objects.requireNonNull(xml, "xml");
        Issues issues = new Issues();
        List<String> run = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Element root;
        try {
            root = SecureDom.parse(new ByteArrayInputStream(xml), reader.maxBytes(), reader.maxDepth())
                    .getDocumentElement();
        } catch (CdaParseException e) {
            issues.error(ValidationIssue.Source.PARSE, "parse:" + e.reason(), "document", e.getMessage());
            return new ValidationReport(issues.errors(), issues.warnings(), List.of("parse"), List.of());
        }
        BuiltInChecks.run(root, issues);
        run.add("built-in");
        if (ansPackage.isEmpty()) {
            skipped.add("xsd and schematrons: no ANS package configured");
            return new ValidationReport(issues.errors(), issues.warnings(), run, skipped);
        }
        xsd.orElseThrow().validate(xml, reader.maxDepth(), issues);
        run.add("xsd");
        List<String> schematrons = schematronsFor(root);
        if (schematron.isEmpty()) {
            schematrons.forEach(s -> skipped.add(s + ": Saxon-HE/SchXslt not on the classpath"));
        } else {
            for (String s : schematrons) {
                schematron.get().apply(ansPackage.get().resolve(s), xml, reader.maxDepth(), issues);
                run.add(s);
            }
        }
        return new ValidationReport(issues.errors(), issues.warnings(), run, skipped);
    }

    private List<String> schematronsFor(Element root) {
        List<String> out = new ArrayList<>();
        out.add(HEADER_SCHEMATRON);
        boolean n1 = Dom.children(root, "templateId").stream()
                .anyMatch(t -> "1.3.6.1.4.1.19376.1.2.20".equals(t.getAttribute("root")))
                && Dom.path(root, "component", "nonXMLBody") != null;
        if (!n1) {
            Dom.children(root, "templateId").stream().map(t -> modelSchematrons.get(t.getAttribute("root")))
                    .filter(Objects::nonNull).distinct().forEach(out::add);
            if (bodySchematrons) {
                out.addAll(BODY_SCHEMATRONS);
            }
        }
        return out;
    }

    /** Builds a {@link CdaValidator}; each setting may be given once. Not thread-safe. */
    public static final class Builder {
        private Path ansPackage;
        private final Map<String, String> models = new LinkedHashMap<>();
        private final Set<String> chosenModels = new HashSet<>();
        private boolean bodySchematrons;
        private boolean bodySet;
        private CdaReader reader = CdaReader.defaults();
        private boolean readerSet;

        private Builder() {
            models.put(BuiltInChecks.VSM, "schematrons/CI-SIS_VSM_2023.01.sch");
            models.put(BuiltInChecks.LDL_SES, "schematrons/CI-SIS_LDL-SES_2022.01.sch");
            models.put("1.2.250.1.213.1.1.1.46", "schematrons/CI-SIS_VAC-NOTE_2023.01.sch");
            models.put("1.2.250.1.213.1.1.1.37", "schematrons/CI-SIS_VAC_2023.01.sch");
            models.put("1.2.250.1.213.1.1.1.55", "schematrons/CI-SIS_BIO-CR-BIO_2024.01.sch");
        }

        /**
         * @param folder the ANS CI-SIS package ({@code TestContenuCDA-3-0}: {@code infrastructure/},
         *     {@code schematrons/}, {@code jeuxDeValeurs/})
         * @return this
         * @throws IllegalArgumentException if the folder lacks the CDA XSD
         * @throws IllegalStateException if already set
         */
        public Builder ansPackage(Path folder) {
            Objects.requireNonNull(folder, "folder");
            if (ansPackage != null) {
                throw new IllegalStateException("ansPackage was already set");
            }
            if (!Files.isRegularFile(folder.resolve(XSD))) {
                throw new IllegalArgumentException("not an ANS CI-SIS package (no " + XSD + "): " + folder);
            }
            this.ansPackage = folder;
            return this;
        }

        /**
         * Chooses the model schematron of a document model (defaults: VSM →
         * {@code CI-SIS_VSM_2023.01.sch}, LDL-SES → {@code CI-SIS_LDL-SES_2022.01.sch}, VAC-NOTE →
         * {@code CI-SIS_VAC-NOTE_2023.01.sch}, VAC → {@code CI-SIS_VAC_2023.01.sch}, CR-BIO →
         * {@code CI-SIS_BIO-CR-BIO_2024.01.sch}).
         *
         * @param templateRoot the model templateId root (each root may be given once)
         * @param relativePath the {@code .sch} path inside the package
         * @return this
         * @throws IllegalStateException if this root was already given
         */
        public Builder modelSchematron(String templateRoot, String relativePath) {
            if (!chosenModels.add(Objects.requireNonNull(templateRoot, "templateRoot"))) {
                throw new IllegalStateException("modelSchematron " + templateRoot + " was already set");
            }
            models.put(Objects.requireNonNull(templateRoot, "templateRoot"),
                    Objects.requireNonNull(relativePath, "relativePath"));
            return this;
        }

        /**
         * @param enabled whether to also run the body schematrons of structured documents (default false)
         * @return this
         */
        public Builder bodySchematrons(boolean enabled) {
            if (bodySet) {
                throw new IllegalStateException("bodySchematrons was already set");
            }
            this.bodySet = true;
            this.bodySchematrons = enabled;
            return this;
        }

        /**
         * @param value the reader (and so the size and depth limits) used to parse documents
         * @return this
         */
        public Builder reader(CdaReader value) {
            if (readerSet) {
                throw new IllegalStateException("reader was already set");
            }
            this.readerSet = true;
            this.reader = Objects.requireNonNull(value, "reader");
            return this;
        }

        /** @return the validator (loads the XSD when a package is set) */
        public CdaValidator build() {
            return new CdaValidator(this);
        }
    }
}
