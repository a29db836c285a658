package fr.opendmp.cda;

import fr.opendmp.cda.build.DocumentHeader;
import fr.opendmp.core.party.Organization;
import fr.opendmp.core.party.Professional;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.ins.IdentityTraits;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.ins.InsMatricule;
import fr.opendmp.core.ins.InsOid;
import fr.opendmp.core.ins.PatientIdentity;
import fr.opendmp.core.ins.Sex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Shared test data: the ANS test patient (fictitious, INS of test), a GP, a structure. */
public final class Fixtures {

    /** The four ANS vectors. */
    public static final List<String> VECTORS = List.of("DOC_NON_STRUCTURE_CDA-R2-N1.xml", "VSM_1.4_2022.01.xml",
            "LDL-SES_2022.01.xml", "CNAM-HR_2021.01_sans-info.xml");

    /** A fixed creation time. */
    public static final OffsetDateTime CREATED = OffsetDateTime.parse("2024-05-02T10:15:30+02:00");

    private Fixtures() {
    }

    /** @return the names of the ANS vectors, for parameterized tests */
    public static java.util.stream.Stream<String> vectors() {
        return VECTORS.stream();
    }

    /** @return a vector from the test resources */
    public static byte[] vector(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/vectors/cda/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing vector " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the ANS package folder, if the shared folder is there */
    public static Optional<Path> ansPackage() {
        String shared = System.getProperty("opendmp.shared");
        if (shared == null) {
            return Optional.empty();
        }
        Path p = Path.of(shared, "cda-validation");
        return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
    }

    /** @return the traits of the ANS test patient */
    public static IdentityTraits traits() {
        return IdentityTraits.builder().birthName("PAT-TROIS").birthFirstNames("DOMINIQUE MARIE-LOUISE")
                .birthDate("1979-03-28").sex(Sex.F).birthPlaceCode("51215").build();
    }

    /** @return the ANS test INS (INS-NIR of test) */
    public static Ins ins() {
        return Ins.of(InsMatricule.parse("279035121518989"), InsOid.NIR_TEST);
    }

    /** @return a qualified identity */
    public static PatientIdentity qualified() {
        return PatientIdentity.qualified(traits(), ins());
    }

    /** @return a GP of a cabinet */
    public static Professional gp() {
        return Professional.of("801234567897", "Stéphane", "MEDIONI").withPrefix("M")
                .withSpecialty(Code.of("urn:oid:1.2.250.1.213.1.1.4.5", "G15_10/SM26",
                        "Médecin - Qualifié en Médecine Générale (SM)"))
                .withOrganization(cabinet());
    }

    /** @return a cabinet */
    public static Organization cabinet() {
        return Organization.of("2801234567", "Cabinet du Dr Medioni & associés");
    }

    /** The care setting of a GP's consultation (J04). */
    public static final Code AMBULATORY = Code.of(CodeSystems.PRACTICE_SETTING, "AMBULATOIRE", "Ambulatoire");

    /** The facility of a GP's consultation (J02). */
    public static final Code CABINET = Code.of(CodeSystems.TRE_R02, "SA07", "Cabinet individuel");

    /** @return a header builder with every mandatory element, fixed ids and time: the qualified patient, a GP */
    public static DocumentHeader.Builder header() {
        return header(qualified());
    }

    /**
     * @param patient the patient of the document
     * @return a header builder for this patient seen by a GP, with fixed ids and time
     */
    public static DocumentHeader.Builder header(PatientIdentity patient) {
        return header(patient, AMBULATORY, CABINET);
    }

    /**
     * @param patient the patient of the document
     * @param practiceSetting where the care took place (J04)
     * @param facilityType the kind of facility (J02)
     * @return a header builder with fixed ids and time (a builder takes each setting once: the
     *     varying ones are parameters)
     */
    public static DocumentHeader.Builder header(PatientIdentity patient, Code practiceSetting, Code facilityType) {
        return headerWithoutIds(patient, practiceSetting, facilityType)
                .documentId(InstanceId.of("1.2.250.1.999.1.1.7")).setId(InstanceId.of("1.2.250.1.999.1.1"));
    }

    /**
     * @param patient the patient of the document
     * @param practiceSetting where the care took place (J04)
     * @param facilityType the kind of facility (J02)
     * @return a header builder with a fixed time and neither document id nor set id (for a
     *     replacement, which sets them)
     */
    public static DocumentHeader.Builder headerWithoutIds(PatientIdentity patient, Code practiceSetting,
            Code facilityType) {
        return DocumentHeader.builder().patient(patient).author(gp()).custodian(cabinet())
                .primaryCarePhysician(gp())
                .localPatientId(InstanceId.of("1.2.250.1.999.2", "IPP-42"))
                .effectiveTime(CREATED).practiceSetting(practiceSetting).facilityType(facilityType);
    }

    /**
     * @param levels how many elements to nest in the title (the title itself is at depth 2)
     * @return the VSM vector whose title nests {@code levels} {@code <content>} elements (about
     *     19 bytes a level: 10,000 levels are under 200 KB)
     */
    public static byte[] vsmWithDeepTitle(int levels) {
        String vsm = new String(vector("VSM_1.4_2022.01.xml"), StandardCharsets.UTF_8);
        String deep = "<content>".repeat(levels) + "x" + "</content>".repeat(levels);
        return vsm.replace("<title>Synthèse Médicale</title>", "<title>" + deep + "</title>")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** @return a small but real PDF */
    public static byte[] pdf() {
        String body = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                + "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
        return body.getBytes(StandardCharsets.US_ASCII);
    }
}
