package fr.opendmp.cda.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.cda.content.Reimbursed.Category;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The reimbursement history reader on every ANS CNAM-HR example, and on hostile inputs. */
class ReimbursementHistoryTest {

    /** Per example: count per category, and the categories declared empty. */
    static final Map<String, Map<Category, Integer>> COUNTS = Map.of(
            "CNAM-HR_2021.01.xml", Map.of(Category.MEDICINE, 3, Category.VACCINE, 3, Category.DEVICE, 2,
                    Category.HOSPITAL_STAY, 2, Category.ACT, 15),
            "CNAM-HR_2021.01_sans-info.xml", Map.of());

    static Stream<String> reimbursementExamples() {
        return AnsExamples.names(n -> n.startsWith("CNAM-HR")).stream();
    }

    @Test
    void everyReimbursementExampleHasItsExpectation() {
        assertThat(reimbursementExamples().toList()).containsExactlyInAnyOrderElementsOf(COUNTS.keySet());
    }

    @ParameterizedTest
    @MethodSource("reimbursementExamples")
    void readsEveryLineOfEveryCategory(String name) {
        ReimbursementHistory remb = ReimbursementHistory.read(AnsExamples.read(name));

        assertThat(remb.unreadable()).isEmpty();
        for (Category c : Category.values()) {
            assertThat(remb.of(c)).as(c.name()).hasSize(COUNTS.get(name).getOrDefault(c, 0));
        }
        assertThat(remb.items()).allSatisfy(i -> assertThat(i.code()).isPresent());
        if (COUNTS.get(name).isEmpty()) {
            assertThat(remb.nothingKnown()).containsExactly(Category.MEDICINE, Category.VACCINE, Category.DEVICE, Category.HOSPITAL_STAY,
                    Category.ACT);
        } else {
            assertThat(remb.nothingKnown()).isEmpty();
            assertThat(remb.items()).allSatisfy(i -> assertThat(i.date()).as(i.category().name()).isPresent());
        }
        assertThat(ClinicalContent.read(AnsExamples.read(name))).isEqualTo(remb);
    }

    @Test
    void firstLinesCarryCodeLabelDateQuantityAndGroup() {
        ReimbursementHistory remb = ReimbursementHistory.read(AnsExamples.read("CNAM-HR_2021.01.xml"));

        Reimbursed ludeal = remb.medicines().get(0);
        assertThat(ludeal.code().orElseThrow().code()).isEqualTo("3400935673220");
        assertThat(ludeal.code().orElseThrow().system()).isEqualTo("urn:oid:1.2.250.1.215.200.1.1.1");
        assertThat(ludeal.label()).contains("LUDEAL CPR3/21");
        assertThat(ludeal.date().orElseThrow().date()).isEqualTo(LocalDate.of(2019, 5, 26));
        assertThat(ludeal.quantity()).contains(BigDecimal.ONE);

        Reimbursed vaccine = remb.of(Category.VACCINE).get(0);
        assertThat(vaccine.code().orElseThrow().code()).isEqualTo("3400932857241");
        assertThat(vaccine.date().orElseThrow().date()).isEqualTo(LocalDate.of(2019, 7, 11));

        Reimbursed device = remb.of(Category.DEVICE).get(0);
        assertThat(device.code().orElseThrow().code()).isEqualTo("3408693");
        assertThat(device.date().orElseThrow().date()).isEqualTo(LocalDate.of(2019, 7, 11));

        Reimbursed stay = remb.of(Category.HOSPITAL_STAY).get(0);
        assertThat(stay.code().orElseThrow().code()).isEqualTo("1940");
        assertThat(stay.label()).contains("Interventions majeures sur l'intestin grêle et le côlon, niveau 2");
        assertThat(stay.date().orElseThrow().date()).isEqualTo(LocalDate.of(2019, 5, 15));
        assertThat(stay.end().orElseThrow().date()).isEqualTo(LocalDate.of(2019, 5, 30));

        Reimbursed consultation = remb.acts().get(0);
        assertThat(consultation.code().orElseThrow().code()).isEqualTo("G");
        assertThat(consultation.label()).contains("CONSULTATION MEDECINE GENERALE");
        assertThat(consultation.date().orElseThrow().date()).isEqualTo(LocalDate.of(2019, 7, 11));
        assertThat(consultation.group().orElseThrow().code()).isEqualTo("67803-7");
        assertThat(remb.acts()).extracting(a -> a.group().orElseThrow().code()).containsOnly("67803-7", "18726-0",
                "26436-6");
    }

    @Test
    void anUnexpectedStatementAndALineNamingNothingAreListed() {
        String xml = AnsExamples.text("CNAM-HR_2021.01.xml")
                .replaceFirst("(?s)<encounter classCode=\"ENC\" moodCode=\"EVN\">.*?</encounter>",
                        "<observation classCode=\"OBS\" moodCode=\"EVN\"><code nullFlavor=\"UNK\"/></observation>")
                .replaceFirst("(?s)<procedure classCode=\"PROC\" moodCode=\"EVN\">.*?</procedure>",
                        "<procedure classCode=\"PROC\" moodCode=\"EVN\"><code nullFlavor=\"UNK\"/></procedure>");

        ReimbursementHistory remb = ReimbursementHistory.read(AnsExamples.parse(xml));

        assertThat(remb.of(Category.HOSPITAL_STAY)).hasSize(1);
        assertThat(remb.acts()).hasSize(14);
        assertThat(remb.unreadable()).containsExactly(
                new Unreadable("section 46240-8 > entry 1", "a observation where a encounter is expected"),
                new Unreadable("section 29554-3 (67803-7) > entry 1", "a line naming nothing (no code, no text)"));
    }

    @Test
    void anotherKindIsATypedError() {
        assertThatThrownBy(() -> ReimbursementHistory.read(AnsExamples.read("VSM_1.4_2022.01.xml")))
                .isInstanceOf(ContentKindException.class);
    }

    @Test
    void toStringsShowCategoriesAndCountsOnly() {
        ReimbursementHistory remb = ReimbursementHistory.read(AnsExamples.read("CNAM-HR_2021.01.xml"));
        String printed = remb + " " + remb.items() + " " + List.of(remb.medicines().get(0));

        assertThat(printed).doesNotContain("LUDEAL").doesNotContain("3400935673220").doesNotContain("2019")
                .doesNotContain("1940").contains("items=25").contains("MEDICINE");
    }
}
