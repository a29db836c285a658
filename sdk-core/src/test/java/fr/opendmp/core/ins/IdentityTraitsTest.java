package fr.opendmp.core.ins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.core.ins.InvalidTraitException.Reason;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityTraitsTest {

    private static IdentityTraits.Builder valid() {
        return IdentityTraits.builder().birthName("Martin").birthFirstNames("Camille Sophie")
                .birthDate("1987-10-12").sex(Sex.F).birthPlaceCode("49007");
    }

    private static String birthNameOf(String input) {
        return IdentityTraits.builder().birthName(input).birthFirstNames("A").birthDate("1987-10-12").sex(Sex.F)
                .build().birthName();
    }

    private static void assertRefused(Runnable r, Trait trait, Reason reason) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(InvalidTraitException.class, e -> {
            assertThat(e.trait()).isEqualTo(trait);
            assertThat(e.reason()).isEqualTo(reason);
        });
    }

    @ParameterizedTest(name = "rule {index}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "Hélène|HELENE",                 // 1. diacritics dropped
        "FRANÇOISE|FRANCOISE",            // 1. cedilla
        "Zoë Noël|ZOE NOEL",              // 1. diaeresis
        "Œdipe|OEDIPE",                   // 1. ligature OE
        "Lætitia|LAETITIA",               // 1. ligature AE
        "dupont|DUPONT",                  // 2. upper case
        "d’Artagnan|D'ARTAGNAN",          // 3. typographic apostrophe
        "d‘Artagnan|D'ARTAGNAN",          // 3. opening quote
        "d`Artagnan|D'ARTAGNAN",          // 3. backtick
        "d´Artagnan|D'ARTAGNAN",          // 3. acute accent
        "Dupont–Durand|DUPONT-DURAND",    // 3. en dash
        "Dupont—Durand|DUPONT-DURAND",    // 3. em dash
        "\"  de   la  Tour  \"|DE LA TOUR", // 4. trim and collapse
        "Dupont--Durand|DUPONT--DURAND",  // 6. doubled hyphen kept
    })
    void birthNameIsNormalisedByEachRule(String input, String expected) {
        assertThat(birthNameOf(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Dupont2", "Dupont.", "Dupont,Jean", "Дюпон", "Δημος", "Dupont_Durand", "Dupont;", "李"})
    void characterOutsideTheAlphabetIsRefusedNotDeleted(String input) {
        assertRefused(() -> birthNameOf(input), Trait.BIRTH_NAME, Reason.TRAIT_CHARACTERS);
    }

    @Test
    void errorMessageNamesTheRuleButNeverEchoesTheValue() {
        assertThatThrownBy(() -> birthNameOf("Secretname9"))
                .hasMessageContaining("BIRTH_NAME").hasMessageNotContaining("SECRETNAME").hasMessageNotContaining("Secret");
    }

    @Test
    void hundredCharactersAreAcceptedAndHundredAndOneRefusedNeverTruncated() {
        assertThat(birthNameOf("A".repeat(100))).hasSize(100);
        assertRefused(() -> birthNameOf("A".repeat(101)), Trait.BIRTH_NAME, Reason.TOO_LONG);
        assertRefused(() -> IdentityTraits.builder().birthName("B").birthFirstNames(List.of("A".repeat(60), "B".repeat(40)))
                .birthDate("1987-10-12").sex(Sex.F).build(),
                Trait.BIRTH_FIRST_NAMES, Reason.TOO_LONG);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-DUPONT", "DUPONT-", "'DUPONT", "DUPONT'", "-", "' -"})
    void nameStartingOrEndingWithPunctuationOrWithoutLetterIsRefused(String input) {
        assertRefused(() -> birthNameOf(input), Trait.BIRTH_NAME, Reason.SHAPE);
    }

    @Test
    void missingOrBlankRequiredTraitsAreRefusedEachWithItsTrait() {
        assertRefused(() -> IdentityTraits.builder().birthFirstNames("A").birthDate("1987-10-12").sex(Sex.F).build(),
                Trait.BIRTH_NAME, Reason.MISSING);
        assertRefused(() -> IdentityTraits.builder().birthName("   ").birthFirstNames("A").birthDate("1987-10-12")
                .sex(Sex.F).build(), Trait.BIRTH_NAME, Reason.MISSING);
        assertRefused(() -> IdentityTraits.builder().birthName("B").birthDate("1987-10-12").sex(Sex.F).build(),
                Trait.BIRTH_FIRST_NAMES, Reason.MISSING);
        assertRefused(() -> IdentityTraits.builder().birthName("B").birthFirstNames(List.of()).birthDate("1987-10-12")
                .sex(Sex.F).build(), Trait.BIRTH_FIRST_NAMES, Reason.MISSING);
        assertRefused(() -> IdentityTraits.builder().birthName("B").birthFirstNames("A").sex(Sex.F).build(),
                Trait.BIRTH_DATE, Reason.MISSING);
        assertRefused(() -> IdentityTraits.builder().birthName("B").birthFirstNames("A").birthDate("1987-10-12")
                .build(), Trait.SEX, Reason.MISSING);
    }

    @Test
    void firstNameListIsSplitOnSpacesKeepingHyphenatedCompoundNames() {
        IdentityTraits t = valid().build().toBuilder().birthFirstNames("pierre-alain  Muriel Floriant").build();
        assertThat(t.birthFirstNames()).containsExactly("PIERRE-ALAIN", "MURIEL", "FLORIANT");
        assertThat(t.firstBirthFirstName()).isEqualTo("PIERRE-ALAIN");
        assertThat(t.birthFirstNamesText()).isEqualTo("PIERRE-ALAIN MURIEL FLORIANT");
    }

    @Test
    void operatorMayConfirmALeadingRunOfFirstNamesButNothingElse() {
        IdentityTraits t = valid().firstBirthFirstName("camille sophie").build();
        assertThat(t.firstBirthFirstName()).isEqualTo("CAMILLE SOPHIE");
        assertRefused(() -> valid().firstBirthFirstName("Sophie").build(), Trait.FIRST_BIRTH_FIRST_NAME,
                Reason.FIRST_NAME_NOT_IN_LIST);
    }

    @Test
    void singleFirstNameWithASpaceIsRefused() {
        assertRefused(() -> TraitNormalization.firstName(Trait.FIRST_BIRTH_FIRST_NAME, "Anne Sophie"),
                Trait.FIRST_BIRTH_FIRST_NAME, Reason.FIRST_NAME_SPACE);
        assertThat(TraitNormalization.firstName(Trait.FIRST_BIRTH_FIRST_NAME, "anne-sophie")).isEqualTo("ANNE-SOPHIE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1987-10-12", "1950-00-00", "1950-06-00", "2000-02-29", "1800-01-01"})
    void calendarAndNonCalendarDatesAreKeptAsStrings(String date) {
        IdentityTraits t = valid().build().toBuilder().birthDate(date).build();
        assertThat(t.birthDate()).isEqualTo(date);
    }

    @Test
    void calendarConvenienceIsEmptyForNonCalendarDates() {
        assertThat(valid().build().birthLocalDate()).hasValueSatisfying(d -> assertThat(d.getYear()).isEqualTo(1987));
        assertThat(valid().build().toBuilder().birthDate("1950-00-00").build().birthLocalDate()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12/10/1987", "1987-1-12", "87-10-12", "1987-13-01", "1987-10-32", "1799-01-01",
        "2001-02-29", "1987-04-31", "19871012", "abcd-ef-gh"})
    void malformedOrImpossibleDateIsRefused(String date) {
        assertRefused(() -> valid().build().toBuilder().birthDate(date).build(), Trait.BIRTH_DATE, Reason.DATE_FORMAT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"M", "m", " F "})
    void sexCodesAreReadCaseInsensitively(String code) {
        assertThat(Sex.fromCode(code)).isIn(Sex.M, Sex.F);
    }

    @ParameterizedTest
    @ValueSource(strings = {"X", "U", "1", "", "male"})
    void otherSexCodesAreRefused(String code) {
        assertRefused(() -> Sex.fromCode(code), Trait.SEX, Reason.SEX);
    }

    @ParameterizedTest
    @CsvSource({"49007,49007", "2a004,2A004", "2B033,2B033", "97302,97302", "97411,97411", "99139,99139",
        "98818,98818"})
    void cogCodesOfFranceCorsicaOverseasAndAbroadAreAccepted(String input, String expected) {
        assertThat(valid().build().toBuilder().birthPlaceCode(input).build().birthPlaceCode()).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4900", "490071", "2C004", "A9007", "00123", "49 07", "99-39"})
    void malformedPlaceCodeIsRefused(String code) {
        assertRefused(() -> valid().build().toBuilder().birthPlaceCode(code).build(), Trait.BIRTH_PLACE,
                Reason.PLACE_CODE);
    }

    @Test
    void bornAbroadIsTheNinetyNinePrefix() {
        assertThat(valid().build().toBuilder().birthPlaceCode("99350").build().bornAbroad()).isTrue();
        assertThat(valid().build().bornAbroad()).isFalse();
    }

    @Test
    void settingGivenTwiceIsRefused() {
        assertRefused(() -> IdentityTraits.builder().birthName("A").birthName("B"), Trait.BIRTH_NAME, Reason.SET_TWICE);
        assertRefused(() -> IdentityTraits.builder().sex(Sex.M).sex(Sex.F), Trait.SEX, Reason.SET_TWICE);
    }

    @Test
    void usedNamesAreNormalisedKeptAndNeverCompared() {
        IdentityTraits withUsed = valid().usedName("Dupré").usedFirstName("Cam").build();
        assertThat(withUsed.usedName()).contains("DUPRE");
        assertThat(withUsed.usedFirstName()).contains("CAM");
        assertThat(TraitDifference.between(withUsed, valid().build())).isEmpty();
        assertThat(withUsed.strict().usedName()).isEmpty();
        assertRefused(() -> valid().usedName("D4").build(), Trait.USED_NAME, Reason.TRAIT_CHARACTERS);
    }

    @Test
    void comparisonGivesAPerTraitDiffAfterNormalisation() {
        IdentityTraits local = valid().build();
        IdentityTraits insi = IdentityTraits.builder().birthName("MARTIN").birthFirstNames("CAMILLE")
                .birthDate("1987-10-21").sex(Sex.F).build();
        assertThat(TraitDifference.between(local, insi)).extracting(TraitDifference::trait)
                .containsExactly(Trait.BIRTH_FIRST_NAMES, Trait.BIRTH_DATE, Trait.BIRTH_PLACE);
        IdentityTraits sameAfterNormalisation = IdentityTraits.builder().birthName(" martin ")
                .birthFirstNames("Camille  Sophie").birthDate("1987-10-12").sex("f").birthPlaceCode("49007").build();
        assertThat(TraitDifference.between(local, sameAfterNormalisation)).isEmpty();
        assertThat(TraitDifference.between(local, insi).get(0).local()).contains("CAMILLE SOPHIE");
    }

    @Test
    void toStringMasksEveryValue() {
        IdentityTraits t = valid().usedName("Dupre").build();
        String s = t + " " + TraitDifference.between(t, t.toBuilder().birthName("Other").build());
        assertThat(s).doesNotContain("MARTIN", "CAMILLE", "SOPHIE", "1987", "49007", "DUPRE", "OTHER");
    }

    @Test
    void explicitOptionalConstructorRefusesNullOptionals() {
        assertThatThrownBy(() -> new IdentityTraits("A", null, List.of("B"), "1987-10-12", Sex.M, null,
                Optional.empty(), Optional.empty())).isInstanceOf(NullPointerException.class);
    }
}
